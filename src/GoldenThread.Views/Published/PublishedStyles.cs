namespace GoldenThread.Views.Published;

/// <summary>
/// The stylesheet inlined into every published file (the dashboard, the area comparison), so that the file stands alone.
/// </summary>
internal static class PublishedStyles
{
    // GOV.UK Design System colours and spacing, written out here because the page must stand alone (no requests).
    // RAG tags use strong fills so a printed page still reads as red/amber/green; text contrast on each is at least
    // 4.5:1 (white on #d4351c 4.86, #0b0c0c on #f47738 7.04, white on #00703c 6.21, #0b0c0c on #eeefef 17.0).
    public const string Css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: arial, sans-serif; font-size: 16px; line-height: 1.25; color: #0b0c0c; background: #ffffff; }
        a { color: #1d70b8; }
        a:focus, summary:focus { outline: 3px solid transparent; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; color: #0b0c0c; }
        .govuk-skip-link { position: absolute; left: -9999px; }
        .govuk-skip-link:focus { position: static; display: block; padding: 10px 15px; }
        .app-header { background: #0b0c0c; color: #ffffff; border-bottom: 10px solid #1d70b8; padding: 12px 0; }
        .app-header__council { font-weight: 700; font-size: 24px; }
        .govuk-width-container { max-width: 1400px; margin: 0 15px; }
        @media (min-width: 40.0625em) { .govuk-width-container { margin: 0 30px; } }
        @media (min-width: 1460px) { .govuk-width-container { margin: 0 auto; } }
        .govuk-main-wrapper { padding: 20px 0 40px; }
        .govuk-caption-l { display: block; color: #505a5f; font-size: 24px; margin-bottom: 5px; }
        .govuk-heading-l { font-size: 36px; font-weight: 700; margin: 0 0 30px; }
        .govuk-heading-m { font-size: 24px; font-weight: 700; margin: 30px 0 15px; }
        .govuk-body, .govuk-list { font-size: 19px; margin: 0 0 20px; }
        .govuk-list--bullet { padding-left: 20px; }
        .govuk-list--bullet li { margin-bottom: 5px; }
        .govuk-summary-list { display: table; width: 100%; max-width: 960px; margin: 0 0 20px; border-collapse: collapse; font-size: 19px; }
        .govuk-summary-list__row { display: table-row; border-bottom: 1px solid #b1b4b6; }
        .govuk-summary-list__key, .govuk-summary-list__value { display: table-cell; padding: 10px 20px 10px 0; margin: 0; }
        .govuk-summary-list__key { font-weight: 700; width: 30%; }
        .app-key { display: flex; flex-wrap: wrap; gap: 10px 30px; margin: 0 0 20px; font-size: 16px; }
        .app-key > div { display: flex; align-items: baseline; gap: 8px; }
        .app-key dd { margin: 0; }
        .app-key__mark { font-weight: 700; }
        .app-key__mark--sup { font-size: 14px; vertical-align: super; }
        .govuk-table { width: 100%; border-spacing: 0; border-collapse: collapse; margin-bottom: 40px; font-size: 14px; }
        .govuk-table__caption { text-align: left; font-size: 16px; margin-bottom: 10px; }
        .govuk-table__caption .govuk-heading-m { margin: 30px 0 5px; }
        .govuk-table__header, .govuk-table__cell { padding: 8px 10px 8px 0; border-bottom: 1px solid #b1b4b6; text-align: left; vertical-align: top; }
        .govuk-table__head .govuk-table__header { font-weight: 700; vertical-align: bottom; }
        .app-measure { font-weight: 400; min-width: 16em; max-width: 28em; }
        .app-value { white-space: nowrap; font-weight: 700; }
        .app-hint { color: #505a5f; font-weight: 400; }
        .app-mark { font-size: 0.75em; font-weight: 700; margin-left: 1px; }
        .app-sparkline { display: block; }
        .app-row-commentary { margin: 5px 0 0; font-size: 14px; }
        .app-nowrap { white-space: nowrap; }
        .govuk-tag { display: inline-block; padding: 2px 8px 3px; font-weight: 700; font-size: 14px; line-height: 1.25; white-space: nowrap; }
        .app-rag--red { color: #ffffff; background: #d4351c; }
        .app-rag--amber { color: #0b0c0c; background: #f47738; }
        .app-rag--green { color: #ffffff; background: #00703c; }
        .app-rag--none { color: #0b0c0c; background: #eeefef; }
        .govuk-details { margin: 5px 0 0; font-size: 14px; }
        .govuk-details__summary { color: #1d70b8; cursor: pointer; text-decoration: underline; display: inline-block; }
        .govuk-details__text { padding: 10px 0 0 15px; border-left: 5px solid #b1b4b6; margin-top: 5px; }
        .govuk-details__text dt { font-weight: 700; }
        .govuk-details__text dd { margin: 0 0 8px; }
        .govuk-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
          padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important;
          border: 0 !important; white-space: nowrap !important; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          body { font-size: 10pt; }
          .govuk-skip-link, .govuk-details__summary { display: none; }
          .app-header { background: none; color: #0b0c0c; border-bottom: 2pt solid #0b0c0c; padding: 0 0 4pt; }
          .govuk-width-container { margin: 0; max-width: none; }
          .govuk-main-wrapper { padding: 0; }
          .govuk-heading-l { font-size: 18pt; margin-bottom: 8pt; }
          .govuk-heading-m { font-size: 13pt; margin: 12pt 0 6pt; break-after: avoid; page-break-after: avoid; }
          .govuk-caption-l, .govuk-body, .govuk-list, .govuk-summary-list, .app-key { font-size: 9pt; }
          .govuk-table__caption { font-size: 9pt; margin-bottom: 4pt; }
          .govuk-table__caption .govuk-heading-m { margin: 10pt 0 2pt; }
          .govuk-summary-list__key, .govuk-summary-list__value { padding: 2pt 10pt 2pt 0; }
          .govuk-table { font-size: 8pt; margin-bottom: 12pt; }
          .govuk-table__header, .govuk-table__cell { padding: 3pt 5pt 3pt 0; }
          thead { display: table-header-group; }
          tr, th, td { break-inside: avoid; page-break-inside: avoid; }
          .govuk-tag, .app-rag--red, .app-rag--amber, .app-rag--green, .app-rag--none {
            -webkit-print-color-adjust: exact; print-color-adjust: exact; font-size: 8pt; }
          details:not([open]) .govuk-details__text { display: none; }
        }

        """;

    // Only what the area-comparison page adds to the shared stylesheet.
    public const string AreaComparison = """
        .app-chart { display: block; max-width: 100%; height: auto; margin: 0 0 20px; }
        .app-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .govuk-table__header.app-num { text-align: right; }
        .app-footnote { font-size: 14px; color: #505a5f; margin: -30px 0 30px; }

        """;

    // Only what the committee pack adds: the covering report prints on A4 portrait, each appendix starts a new page on
    // the named page "appendix", A4 landscape, so Appendix A's eleven columns stay readable. Later @page rules win.
    public const string Pack = """
        .govuk-heading-s { font-size: 19px; font-weight: 700; margin: 20px 0 10px; }
        .govuk-body-s { font-size: 14px; margin: 0 0 15px; }
        .app-para { display: flex; gap: 0 10px; max-width: 48em; }
        .app-para__number { flex: 0 0 2em; }
        .app-para--plain { padding-left: calc(2em + 10px); }
        .app-commentary { max-width: 48em; margin-left: calc(2em + 10px); padding-left: 10px; border-left: 4px solid #b1b4b6; font-size: 16px; }
        .app-title-block { max-width: 48em; }
        .app-appendix { page: appendix; break-before: page; }
        .app-appendix > .govuk-heading-l { font-size: 27px; }
        .app-num { text-align: right; font-variant-numeric: tabular-nums; }
        .govuk-table__header.app-num { text-align: right; }
        .app-row-head { font-weight: 400; }
        .app-group .govuk-table__header { background: #dee0e2; padding-left: 4px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .app-total th, .app-total td { font-weight: 700; }
        .app-actions { table-layout: fixed; }
        .app-actions thead th:nth-child(1) { width: 6%; }
        .app-actions thead th:nth-child(2) { width: 34%; }
        .app-actions thead th:nth-child(3) { width: 18%; }
        .app-actions thead th:nth-child(4) { width: 11%; }
        .app-actions thead th:nth-child(5) { width: 10%; }
        .app-actions thead th:nth-child(6) { width: 21%; }
        .app-our-children { max-width: 60em; }
        .app-table-scroll { overflow: visible; }
        @page { size: A4 portrait; margin: 18mm 18mm 20mm; }
        @page appendix { size: A4 landscape; margin: 12mm 12mm 16mm; }
        @media print {
          .app-header { display: none; }
          .govuk-heading-s { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
          .govuk-body-s { font-size: 8pt; }
          .app-pack-report .govuk-body, .app-pack-report .govuk-summary-list { font-size: 11pt; }
          .app-pack-report .app-commentary { font-size: 10pt; }
          .app-pack-report .govuk-heading-l { font-size: 20pt; }
          .app-pack-report .govuk-heading-m { font-size: 14pt; }
          .app-appendix > .govuk-heading-l { font-size: 16pt; margin-bottom: 6pt; }
          .app-para, .app-commentary { break-inside: avoid; page-break-inside: avoid; }
          .app-appendix .app-comparison { break-inside: avoid; page-break-inside: avoid; }
          .app-appendix .app-chart { max-height: 95mm; width: auto; margin-bottom: 6pt; }
          .app-appendix .app-footnote { font-size: 8pt; margin: -6pt 0 8pt; }
        }

        """;
}
