namespace GoldenThread.Store;

/// <summary>
/// A backup or restore that cannot be done as asked: a file of the wrong kind, a store that is not empty, a PostgreSQL
/// client program missing or failing. The message says what and how to put it right; the command line shows it with exit
/// code 2 (the request, the file or the machine is at fault, not GoldenThread).
/// </summary>
public sealed class StoreBackupException(string message, Exception? inner = null) : Exception(message, inner);
