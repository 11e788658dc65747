# syntax=docker/dockerfile:1
# One image for every role: TICKETOVERFLOW_ROLES picks api, worker or both (the default) at run time.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
# Dependencies change less often than the code: resolve them in a layer of their own.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
    && java -Djarmode=tools -jar target/ticketoverflow-*.jar extract --layers --launcher --destination /build/extracted

FROM eclipse-temurin:25-jre
# The JRE image has neither curl nor wget; the HEALTHCHECK below needs one of them.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 ticketoverflow \
    && useradd --system --uid 10001 --gid ticketoverflow --home-dir /app --no-create-home ticketoverflow \
    && mkdir -p /app/data \
    && chown ticketoverflow:ticketoverflow /app/data
WORKDIR /app
# Layers from the least to the most often changed, so a code change ships only the last one.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# The embedded H2 database lives here when no TICKETOVERFLOW_DATABASE_URL is given.
ENV TICKETOVERFLOW_DATA_DIR=/app/data
VOLUME /app/data
USER 10001:10001
EXPOSE 8080
# Asks the default SERVER_PORT: a container started with another port needs its own --health-cmd.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/actuator/health/liveness"]
# Heap from the container's memory limit, not the host's; leave a quarter for metaspace, thread stacks and
# buffers. Die on OutOfMemoryError so the orchestrator restarts a clean process. More flags: JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
