# Builds the service from this repository: docker compose up --build
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# The service runs as tonghop, never root: uid and gid 1000, the first user of most Linux machines, so the
# ./input of a checkout is writable to it as it is. The Ubuntu base's own user of that uid makes way.
RUN (userdel --remove ubuntu 2>/dev/null || true) \
	&& (groupdel ubuntu 2>/dev/null || true) \
	&& groupadd --gid 1000 tonghop \
	&& useradd --uid 1000 --gid tonghop --create-home --shell /usr/sbin/nologin tonghop
WORKDIR /app
COPY --from=build /src/target/tonghop.jar /app/tonghop.jar
COPY jobs /app/jobs
# What it writes: the drop folder (the districts' reports) and data (the archive, and the embedded
# PostgreSQL's data when no SPRING_DATASOURCE_URL is given: a database server is no root's either).
RUN mkdir -p /app/input /app/data/archive && chown -R tonghop:tonghop /app/input /app/data
USER tonghop
VOLUME ["/app/input", "/app/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tonghop.jar"]
CMD ["serve"]
