using System.CommandLine;
using FaceVerify.Cli.Commands;

namespace FaceVerify.Training;

/// <summary>The commands that fit our own weights or choose thresholds from labelled data; the CLI adds them to its root.</summary>
public static class TrainingCommands
{
    public static Command CalibrateMatch() => CalibrateCommand.Build();
    public static Command TrainLiveness() => TrainLivenessCommand.Build();
    public static Command TrainAttributes() => TrainAttributesCommand.Build();
    public static Command CalibratePose() => CalibratePoseCommand.Build();
    public static Command MatchSets() => MatchSetsCommand.Build();
    public static Command CalibrateChallenge() => CalibrateChallengeCommand.Build();
    public static Command CalibrateTurnedMatch() => CalibrateTurnedMatchCommand.Build();
    public static Command StudyFusion() => StudyFusionCommand.Build();
    public static Command TrainMatchAdaptation() => TrainMatchAdaptationCommand.Build();
    public static Command StudyScoreNorm() => StudyScoreNormCommand.Build();
    public static Command MatchGates() => MatchGatesCommand.Build();
    public static Command StudyPoseCascade() => StudyPoseCascadeCommand.Build();
    public static Command TrainMatchMlp() => TrainMatchMlpCommand.Build();
}
