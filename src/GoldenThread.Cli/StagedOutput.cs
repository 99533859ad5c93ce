namespace GoldenThread.Cli;

/// <summary>
/// A private folder a command writes its files into, moved into the output folder only by <see cref="Commit"/>;
/// disposed without it, the files are removed and the output folder is as it was.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private readonly string _output;

    public StagedOutput(string output)
    {
        _output = output;
        Folder = Directory.CreateTempSubdirectory("goldenthread-report-").FullName;
    }

    /// <summary>Where the files are written until they are committed.</summary>
    public string Folder { get; }

    /// <summary>Moves every staged file to the same place under the output folder, replacing files of the same name.</summary>
    public void Commit()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_output, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
        }
    }

    /// <summary>A line naming staged paths, naming instead where they were moved.</summary>
    public string InOutput(string line) => line.Replace(Folder, _output, StringComparison.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
