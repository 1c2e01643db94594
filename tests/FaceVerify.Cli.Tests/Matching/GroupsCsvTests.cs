using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class GroupsCsvTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fv-groups-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder.FullName, "groups.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_file_row_names_one_picture_and_an_identity_row_all_of_a_persons()
    {
        var csv = Write("file,identity,group\na/1.jpg,,web\n,wang,webcam\nb/2.jpg,wang,lfw\n");
        var groups = GroupsCsv.Read(csv);

        Assert.Equal("web", groups.Of(Path.Combine(_folder.FullName, "a", "1.jpg")));
        Assert.Equal("webcam", groups.Of(Path.Combine(_folder.FullName, "c", "3.jpg"), "wang"));
        Assert.Equal("lfw", groups.Of(Path.Combine(_folder.FullName, "b", "2.jpg"), "wang"));  // the file row wins
        Assert.Null(groups.Of(Path.Combine(_folder.FullName, "c", "3.jpg"), "li"));
    }

    [Theory]
    [InlineData("file,label\na.jpg,x\n")]          // no group column
    [InlineData("group,label\nweb,x\n")]           // neither file nor identity
    [InlineData("file,group\na.jpg,\n")]           // empty group
    [InlineData("file,identity,group\n,,web\n")]   // a row naming nothing
    public void A_malformed_groups_csv_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => GroupsCsv.Read(Write(text)));
}
