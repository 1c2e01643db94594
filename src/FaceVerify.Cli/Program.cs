using System.CommandLine;
using FaceVerify.Cli;
using FaceVerify.Cli.Commands;
using FaceVerify.Training;

var root = new RootCommand("faceverify: face identity verification for remote exams")
{
    CheckPhotoCommand.Build(),
    VerifyCommand.Build(),
    CompareCommand.Build(),
    InspectCommand.Build(),
    EvalCommand.Build(),
    TrainingCommands.CalibrateMatch(),
    TrainingCommands.TrainLiveness(),
    TrainingCommands.MatchSets(),
    TrainingCommands.TrainMatchAdaptation(),
    TrainingCommands.StudyFusion(),
    TrainingCommands.StudyScoreNorm(),
    TrainingCommands.MatchGates(),
    TrainingCommands.TrainMatchMlp(),
    BenchCommand.Build(),
    FaceVerify.BusClient.BusCommands.BuildSubmitCommand(),
    FaceVerify.BusClient.BusCommands.BuildRerunCommand(),
    TrainingCommands.TrainAttributes(),
    TrainingCommands.CalibratePose(),
    TrainingCommands.StudyPoseCascade(),
    TrainingCommands.CalibrateChallenge(),
    TrainingCommands.CalibrateTurnedMatch(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"faceverify: {error.Message}");
    Console.Error.WriteLine("Try 'faceverify --help'.");
    return ExitCodes.UsageOrUnreadable;
}
try
{
    // Our own handler below: a stack trace is never the answer to a bad file or a missing model.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (FaceVerify.Core.Models.ModelFileException ex)
{
    Console.Error.WriteLine($"faceverify: {ex.Message}");
    return ExitCodes.UsageOrUnreadable;
}
