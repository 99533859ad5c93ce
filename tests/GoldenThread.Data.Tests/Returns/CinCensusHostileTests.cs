using System.Text;
using GoldenThread.Data.Returns;

namespace GoldenThread.Data.Tests.Returns;

/// <summary>CIN census XML no real census holds (issue 14): refused quickly, with the line, and without quoting the file's content.</summary>
public class CinCensusHostileTests
{
    private static InputError Fails(string xml)
    {
        var reader = new CinCensusReader();
        reader.AddXml(new MemoryStream(Encoding.UTF8.GetBytes(xml)), 2016, "2016/cin.xml");
        return Assert.Single(Assert.Throws<InputException>(reader.Build).Errors);
    }

    [Theory]
    [InlineData(100_000, 1)]
    [InlineData(65, 1)]
    public void NestingBeyondTheLimit_IsRefusedAtTheLineItPassesIt(int depth, int line)
    {
        var xml = "<Message>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</Message>";

        Assert.Equal(
            $"2016/cin.xml:{line}: elements nested more than 64 deep; expected a CIN census message, which nests about eight (docs/formats.md, Limits)",
            Fails(xml).ToString());
    }

    [Fact]
    public void NestingOnSeparateLines_NamesTheLineOfTheFirstElementBeyond()
    {
        var xml = "<Message>\n" + string.Concat(Enumerable.Repeat("<a>\n", 200)) + string.Concat(Enumerable.Repeat("</a>\n", 200)) + "</Message>";

        // <Message> is depth 0 on line 1; the <a> on line k+1 is at depth k, so depth 64 is on line 65.
        Assert.Equal(65, Fails(xml).Line);
    }

    [Fact]
    public void ADtd_IsRefusedWithoutExpandingIt()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<Message><Children>&b;</Children></Message>";

        Assert.Equal("2016/cin.xml: declares a DTD, which a CIN census message never does; expected the XML DfE's schema describes", Fails(xml).ToString());
    }

    [Fact]
    public void MalformedXml_DoesNotQuoteTheFile()
    {
        var error = Fails("<Message><Children><Child><PersonBirthDate>2010-05-01</PersonBirthDate></Chil></Children></Message>");

        Assert.StartsWith("2016/cin.xml:1: is not well-formed XML (line 1, position ", error.ToString());
        Assert.DoesNotContain("2010-05-01", error.ToString());
    }
}
