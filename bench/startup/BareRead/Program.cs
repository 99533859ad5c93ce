// The baseline of bench/startup: a .NET process that reads a file line by line and counts the lines, nothing else,
// so that GoldenThread's start-up is measured against the least any .NET program reading bds_long.csv takes here.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: BareRead FILE");
    return 2;
}

using var reader = new StreamReader(args[0]);
var lines = 0L;
while (reader.ReadLine() is not null)
{
    lines++;
}

Console.WriteLine(lines);
return 0;
