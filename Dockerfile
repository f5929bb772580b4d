# Build stage: the Maven build (CI runs the tests).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY frontend frontend
# the documents the app serves and the capture script it serves, both copied into the jar
COPY docs docs
COPY capture capture
RUN mvn -B -q package -DskipTests

# Run stage: a JRE and the jar, as a user without privileges.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app netfilterflow \
    && mkdir /data && chown 10001 /data
WORKDIR /app
# the quick start: the extracted jar and its launcher; the class data archives are made again here, by the Java
# that will run them (an archive is good for its own JVM only)
# (cli.jsa from the list of classes the build's training runs loaded; server.jsa from a start, AOT as the launcher)
COPY --from=build /src/target/app /app/app
COPY --from=build /src/target/netfilter-flow /app/netfilter-flow
COPY --from=build /src/target/cds-lists/cli.classlist /tmp/cli.classlist
RUN rm -f /app/app/*.jsa \
    && java -Xshare:dump -XX:SharedClassListFile=/tmp/cli.classlist -XX:SharedArchiveFile=/app/app/cli.jsa \
         -jar /app/app/netfilter-flow.jar >/dev/null \
    && java -XX:ArchiveClassesAtExit=/app/app/server.jsa -Dspring.context.exit=onRefresh -Dspring.aot.enabled=true \
         -jar /app/app/netfilter-flow.jar --server.port=0 --netfilter-flow.data-dir=/tmp/training-data >/dev/null \
    && rm -rf /tmp/cli.classlist /tmp/training-data
USER 10001
EXPOSE 8080
ENV SERVER_ADDRESS=0.0.0.0
# stored share links and live sessions: mount a volume here to keep them across containers; several servers
# share one PostgreSQL instead: SPRING_PROFILES_ACTIVE=postgres with NETFILTER_FLOW_DB_URL, _USER and _PASSWORD
# (compose.yaml runs two behind nginx)
ENV NETFILTER_FLOW_DATA_DIR=/data
VOLUME /data
ENTRYPOINT ["/app/netfilter-flow"]
