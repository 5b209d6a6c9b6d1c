# Every image of the platform comes from this one file, chosen by the build argument MODULE:
#
#   docker build --build-arg MODULE=sales-service -t partner-platform/sales-service .
#
# MODULE is a service, the gateway, or deploy (the development token issuer, for docker-compose.yml).
# The build stage does not use MODULE, so the images built together share one Maven build.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The same build as ./run's. The cache keeps the Maven wrapper's download and the dependencies
# between builds, so a changed source file does not fetch the internet again.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests package \
 && for jar in */target/*-exec.jar; do \
      module="${jar%%/*}"; mkdir -p "/out/$module"; cp "$jar" "/out/$module/app.jar"; \
    done \
 && mkdir -p /out/deploy \
 && cp deploy/target/deploy-*.jar /out/deploy/app.jar \
 && cp -r deploy/target/lib /out/deploy/lib

FROM eclipse-temurin:17-jre
# A fixed numeric user, so Kubernetes can verify runAsNonRoot; its directory is where a named
# volume mounted by docker-compose.yml takes its owner from.
RUN groupadd --system --gid 10001 platform \
 && useradd --system --uid 10001 --gid platform --no-create-home --home-dir /var/lib/partner-platform platform \
 && mkdir -p /var/lib/partner-platform \
 && chown platform:platform /var/lib/partner-platform
ARG MODULE
COPY --from=build /out/${MODULE}/ /app/
RUN test -f /app/app.jar || { echo "build with --build-arg MODULE=<a module with a runnable jar>, not '${MODULE}'" >&2; exit 1; }
USER 10001:10001
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
