namespace GoldenThread.Web.Features.ActionProgress;

/// <summary>The words people read for the store's keys of an action's status and RAG rating.</summary>
public static class ActionUpdateWords
{
    public static IReadOnlyList<(string Key, string Text)> Statuses { get; } =
    [
        ("not-started", "Not started"), ("on-track", "On track"), ("at-risk", "At risk"), ("off-track", "Off track"), ("complete", "Complete"),
    ];

    public static IReadOnlyList<(string Key, string Text)> Rags { get; } = [("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("none", "None")];

    public static string Status(string key) => Statuses.FirstOrDefault(s => s.Key == key).Text ?? key;

    public static string Rag(string key) => Rags.FirstOrDefault(s => s.Key == key).Text ?? key;
}
