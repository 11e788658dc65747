package org.ticketoverflow.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class UserDirectoryConfiguration {

    @Bean
    UserDirectory userDirectory(UsersSettings settings, UserList users, JsonMapper json) {
        return settings.usersUrl().isBlank()
                ? new InProcessUserDirectory(users)
                : new RemoteUserDirectory(settings, json);
    }
}
