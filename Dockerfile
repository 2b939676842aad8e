# Builds the service from this repository: docker compose up --build
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/tonghop.jar /app/tonghop.jar
COPY jobs /app/jobs
VOLUME ["/app/input", "/app/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tonghop.jar"]
CMD ["serve"]
