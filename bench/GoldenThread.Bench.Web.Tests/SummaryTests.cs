using GoldenThread.Bench.Web;

namespace GoldenThread.Bench.Web.Tests;

public class SummaryTests
{
    private static RunRecord Run(string store, string version, int round, double p50, double p99, int errors = 0) =>
        new(store, "/health", version, round, new LoadResult("http://x/health", 200, 3, 20, 4000, errors, 199.9, p50, p50 * 2, p99, p99 * 2, 0.1, 0.2, null));

    [Fact]
    public void Rows_ThreeRoundsEach_TakeTheMedianOfEachVersionAndTheRatioOfTheMedians()
    {
        var rows = Summary.Rows(
        [
            Run("SQLite", Summary.Before, 1, p50: 2.0, p99: 10),
            Run("SQLite", Summary.After, 1, p50: 1.0, p99: 4),
            Run("SQLite", Summary.Before, 2, p50: 4.0, p99: 30), // an outlier round moves the median less than the mean
            Run("SQLite", Summary.After, 2, p50: 1.5, p99: 6),
            Run("SQLite", Summary.Before, 3, p50: 3.0, p99: 12),
            Run("SQLite", Summary.After, 3, p50: 1.2, p99: 5, errors: 1),
        ]);

        var row = Assert.Single(rows);
        Assert.Equal(3.0, row.Before!.P50Ms);
        Assert.Equal(12, row.Before.P99Ms);
        Assert.Equal(30, row.Before.MaxP99Ms);
        Assert.Equal(1.2, row.After!.P50Ms);
        Assert.Equal(5, row.After.P99Ms);
        Assert.Equal(1, row.After.Errors);
        Assert.Equal(12000, row.After.Requests);
        Assert.Equal(0.4, row.P50Ratio!.Value, 10);
        Assert.Equal(5.0 / 12, row.P99Ratio!.Value, 10);
    }

    [Fact]
    public void Read_JsonLinesWrittenByRun_RoundTrip()
    {
        var record = Run("PostgreSQL", Summary.After, 2, p50: 1.25, p99: 7.5);
        var line = System.Text.Json.JsonSerializer.Serialize(record, Summary.Json);

        var read = Assert.Single(Summary.Read(new StringReader(line + "\n\n")));

        Assert.Equal(record, read);
    }

    [Fact]
    public void Markdown_AfterOverTheGoal_SaysWhere()
    {
        var text = Summary.Markdown(Summary.Rows([Run("SQLite", Summary.Before, 1, 2, 20), Run("SQLite", Summary.After, 1, 3, 60)]), goalMs: 50);

        Assert.Contains("| SQLite | `/health` | 2.00 / 20.0 ms | 3.00 / 60.0 ms | 1.50 / 3.00 |", text);
        Assert.Contains("NOT met at SQLite /health (60.0 ms)", text);
    }
}
