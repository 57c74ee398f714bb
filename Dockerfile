# Multi-stage build: the SDK image restores and publishes, the runtime image only runs the result.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files alone, so the package layer is cached across source edits.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Auth.Domain/Auth.Domain.csproj src/Auth.Domain/
COPY src/Auth.Application/Auth.Application.csproj src/Auth.Application/
COPY src/Auth.Infrastructure/Auth.Infrastructure.csproj src/Auth.Infrastructure/
COPY src/Auth.Api/Auth.Api.csproj src/Auth.Api/
RUN dotnet restore src/Auth.Api/Auth.Api.csproj

COPY src/ src/
RUN dotnet publish src/Auth.Api/Auth.Api.csproj --no-restore -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The signing keys' directory, owned by the image's non-root user: a named volume mounted here starts as a copy
# of it, owner included, so `rotate-key` can write the first key and the service can read it.
RUN mkdir -p /var/lib/auth/keys && chown $APP_UID /var/lib/auth/keys && chmod 700 /var/lib/auth/keys
# The image's non-root user; the service needs no privileges and writes nothing outside /tmp and its key directory.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Auth.Api.dll"]
