namespace GoldenThread.Views.Govuk;

internal static class ItemId
{
    /// <summary>
    /// The id of item <paramref name="index"/> (from 0) of radios or checkboxes, as GOV.UK Frontend numbers them: the
    /// first is the prefix itself (so that the error summary links to it), then <c>prefix-2</c>, <c>prefix-3</c>, ….
    /// </summary>
    public static string Of(string prefix, int index) =>
        index == 0 ? prefix : prefix + "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
