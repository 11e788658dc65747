package org.ticketoverflow.boxoffice;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.ticketoverflow.web.NodeRoles;

/**
 * Serves the box office's pages and assets from {@code classpath:/boxoffice/}, only on nodes with the {@code api}
 * role: a worker-only node registers nothing here, so {@code /} answers it 404 like any unknown path. The files
 * live outside {@code static/} on purpose, since Spring Boot would serve that folder on every node.
 */
@Configuration(proxyBeanMethods = false)
class BoxOfficePages implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/boxoffice/";

    private final boolean api;

    BoxOfficePages(NodeRoles roles) {
        this.api = roles.api();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        if (api) {
            registry.addViewController("/").setViewName("forward:/index.html");
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (api) {
            // revalidated on every load (cheap 304s): a new jar's pages never mix with an old one's scripts
            CacheControl revalidate =
                    CacheControl.maxAge(Duration.ZERO).cachePublic().mustRevalidate();
            // the pages by name, not /*.html: other pages of the jar (Swagger UI's) are not the box office's
            registry.addResourceHandler(PageSecurityHeaders.PAGES.stream()
                            .filter(page -> page.endsWith(".html"))
                            .toArray(String[]::new))
                    .addResourceLocations(LOCATION)
                    .setCacheControl(revalidate);
            registry.addResourceHandler("/assets/**")
                    .addResourceLocations(LOCATION + "assets/")
                    .setCacheControl(revalidate);
        }
    }
}
