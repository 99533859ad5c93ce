namespace GoldenThread.Data.Tests;

/// <summary>Files of the repository the tests run from (docs whose examples must stay valid).</summary>
internal static class RepoFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GoldenThread.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("GoldenThread.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The first fenced block of the given language in a markdown file under docs/.</summary>
    public static string FencedBlock(string docsFile, string language) => FencedBlocks(docsFile, language)[0];

    /// <summary>Every fenced block of the given language in a markdown file under docs/, in order.</summary>
    public static IReadOnlyList<string> FencedBlocks(string docsFile, string language)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", docsFile));
        var blocks = new List<string>();
        var start = Array.FindIndex(lines, l => l.Trim() == "```" + language);
        while (start >= 0)
        {
            var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "```");
            blocks.Add(string.Join("\n", lines[(start + 1)..end]) + "\n");
            start = Array.FindIndex(lines, end + 1, l => l.Trim() == "```" + language);
        }

        return blocks.Count > 0 ? blocks : throw new InvalidOperationException($"no ```{language} block in docs/{docsFile}");
    }
}
