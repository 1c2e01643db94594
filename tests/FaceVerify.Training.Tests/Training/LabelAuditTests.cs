using FaceVerify.Cli.Training;

namespace FaceVerify.Cli.Tests.Training;

public sealed class LabelAuditTests : IDisposable
{
    private readonly string _csv = Path.GetTempFileName();

    [Fact]
    public void Audited_labels_replace_the_sets_own_and_an_occluded_face_stops_being_ordinary()
    {
        File.WriteAllText(_csv, """
            file,attribute,verdict,note
            a.jpg,sunglasses,absent,clear glasses
            b.jpg,sunglasses,present,dark lenses, eyes hidden
            c.jpg,mask,unclear,a hand over the mouth
            set/*,sunglasses,absent,every picture of the folder looked at
            set/f.jpg,sunglasses,present,the exception
            """);
        var audit = LabelAudit.Load(_csv);
        var ordinary = new AttributeSample("/data/b.jpg", "lfw", "lfw:B", false, false, false, Ordinary: true);

        var a = audit.Apply(new AttributeSample("/data/a.jpg", "sunglasses", "g", null, true, false, false), "a.jpg");
        var b = audit.Apply(ordinary, "b.jpg");
        var c = audit.Apply(ordinary with { File = "/data/c.jpg" }, "c.jpg");
        var untouched = audit.Apply(ordinary, "d.jpg");

        Assert.Equal((false, false), (a.Sunglasses, a.Ordinary));
        Assert.Equal((true, false, false), (b.Sunglasses, b.Mask, b.Ordinary));
        Assert.Equal((null, false), (c.Mask, c.Ordinary));
        Assert.Equal(ordinary, untouched);
        var masked = new AttributeSample("/data/set/e.jpg", "mask", "g", true, null, false, false);
        Assert.Equal(false, audit.Apply(masked, "set/e.jpg").Sunglasses);
        Assert.Equal(true, audit.Apply(masked, "set/f.jpg").Sunglasses);
        Assert.Null(audit.Apply(masked, "other/e.jpg").Sunglasses);
        Assert.False(audit.Shows("a.jpg", FaceVerify.Cli.Training.Attribute.Sunglasses));
        Assert.True(audit.Shows("b.jpg", FaceVerify.Cli.Training.Attribute.Sunglasses));
        Assert.True(audit.Shows("z.jpg", FaceVerify.Cli.Training.Attribute.Sunglasses));
    }

    [Theory]
    [InlineData("a.jpg,beard,present,x")]
    [InlineData("a.jpg,mask,maybe,x")]
    [InlineData("a.jpg")]
    public void A_row_it_cannot_read_is_refused_with_its_line(string row)
    {
        File.WriteAllText(_csv, "file,attribute,verdict,note\n" + row + "\n");
        var error = Assert.Throws<FormatException>(() => LabelAudit.Load(_csv));
        Assert.Contains(":2:", error.Message);
    }

    [Fact]
    public void The_committed_audit_file_reads()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FaceVerify.sln"))) root = root.Parent;
        Assert.NotNull(root);
        Assert.True(LabelAudit.Load(Path.Combine(root.FullName, "models", "attributes", "label-audit.csv")).Count >= 30);
    }

    public void Dispose() => File.Delete(_csv);
}
