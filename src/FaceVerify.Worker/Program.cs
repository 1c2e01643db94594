using FaceVerify.Worker;

await using var app = WorkerApp.Build(args);
await app.RunAsync();
