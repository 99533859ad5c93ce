using System.Text;

namespace GoldenThread.Data.Tests;

/// <summary>
/// Bytes that are not UTF-8 are found at their line and column, however the file is cut into chunks; valid text,
/// including characters that straddle a chunk's end, is never refused.
/// </summary>
public sealed class Utf8TextTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldenthread-utf8-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, "t.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    // Positions worked by hand: line 1 is the header; the character is counted from 1, a multi-byte character as one.
    [Theory]
    [InlineData("a,b\n1,\u00e9x\u00FF", 2, "b", 5)]
    [InlineData("a,b\r\n1,2\r\n\u00FF", 3, "a", 1)]
    [InlineData("a,\"b\nc\"\n1,2,3\u00FF", 3, "field 3", 6)]
    [InlineData("name,note\nx,\"two\nlines \u00FF\"", 3, "note", 7)]
    [InlineData("a\u00FF,b\n", 1, "field 1", 2)]
    [InlineData("\u00EF\u00BB\u00BFa\u00FF,b\n", 1, "field 1", 2)]
    [InlineData("\u00EF\u00BB\u00BF\"a\",b\n1\u00FF", 2, "a", 2)]
    [InlineData("a,\"q\"\"\u00FF\"\n", 1, "field 2", 7)]
    public void Csv_FirstInvalidByte_IsNamedByLineAndColumn(string text, int line, string column, int character)
    {
        // U+00FF stands for the byte 0xFF, which no UTF-8 text holds; EF BB BF is a byte-order mark, not a character.
        var bytes = Encoding.Latin1.GetBytes(text.Replace("\u00e9", "\u00c3\u00a9", StringComparison.Ordinal));

        var fromMemory = Assert.Single(Assert.Throws<InputException>(() => Utf8Text.Require(bytes, "t.csv", TextLayout.Csv)).Errors);
        var fromFile = Assert.Single(Assert.Throws<InputException>(() => Utf8Text.Require(Write(bytes), "t.csv", TextLayout.Csv, 1 << 20)).Errors);

        foreach (var error in new[] { fromMemory, fromFile })
        {
            Assert.Equal(line, error.Line);
            Assert.Equal(column, error.Column);
            Assert.StartsWith($"is not UTF-8 text (byte 0xFF at character {character} of the line;", error.Message);
        }
    }

    [Fact]
    public void Lines_FirstInvalidByte_IsNamedByLineAndCharacter()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => Utf8Text.Require([.. Text("plan: x\n  ab"), 0xC3, 0x28], "p.yaml", TextLayout.Lines)).Errors);

        Assert.Equal(("p.yaml", 2, "5"), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData(65_535)]
    [InlineData(65_534)]
    [InlineData(65_533)]
    public void File_ACharacterAcrossAChunksEnd_IsValid(int before)
    {
        // A four-byte character (U+1F600) starting 1, 2 or 3 bytes before the scanner's 64 KiB chunk ends.
        var bytes = Text(new string('a', before) + "\U0001F600" + "tail\n");

        Utf8Text.Require(Write(bytes), "t.csv", TextLayout.Csv, 1 << 20);
    }

    [Fact]
    public void File_AFaultBeyondTheFirstChunk_IsOnItsLine()
    {
        // The header, then 70,000 lines of "1,2" (lines 2 to 70,001): the bad byte starts line 70,002.
        var bytes = Text("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 70_000))).Append((byte)0xFF).ToArray();

        var error = Assert.Single(Assert.Throws<InputException>(() => Utf8Text.Require(Write(bytes), "t.csv", TextLayout.Csv, 1 << 20)).Errors);

        Assert.Equal((70_002, "a"), (error.Line, error.Column));
    }

    [Fact]
    public void File_ATruncatedCharacterAtTheEnd_IsRefused()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => Utf8Text.Require(Write([.. Text("a\n"), 0xE2, 0x82]), "t.csv", TextLayout.Csv, 1 << 20)).Errors);

        Assert.Equal(2, error.Line);
        Assert.StartsWith("is not UTF-8 text (byte 0xE2 at character 1 of the line;", error.Message);
    }
}
