# syntax=docker/dockerfile:1
# The web app as a container image: build with the .NET 10 SDK, run on the ASP.NET runtime as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json is left out on purpose: the SDK image is the pin here, and its feature band may differ.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY EmployeeDirectory.Core/EmployeeDirectory.Core.csproj EmployeeDirectory.Core/
COPY EmployeeDirectory.Web/EmployeeDirectory.Web.csproj EmployeeDirectory.Web/
RUN dotnet restore EmployeeDirectory.Web/EmployeeDirectory.Web.csproj
COPY EmployeeDirectory.Core/ EmployeeDirectory.Core/
COPY EmployeeDirectory.Web/ EmployeeDirectory.Web/
RUN dotnet publish EmployeeDirectory.Web/EmployeeDirectory.Web.csproj \
    --configuration Release --no-restore --output /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
# The embedded (SQLite) mode writes its database under /app/data; the scaled-out mode uses SQL Server.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "EmployeeDirectory.Web.dll"]
