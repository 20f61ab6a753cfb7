using System.Globalization;
using CsvHelper;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// The directory as CSV, written by CsvHelper as the rows arrive (RFC 4180 quoting, a header row, UTF-8): a cell
/// that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR)
/// gets a leading apostrophe. Times are UTC in ISO 8601.
/// </summary>
internal sealed class EmployeeCsv(IAsyncEnumerable<DirectoryExportRow> rows) : IResult
{
    public const string ContentType = "text/csv";

    public const string FileName = "employees.csv";

    public static readonly string[] Header =
        ["Id", "Name", "Given name", "Family name", "Title", "Department", "Email", "Location", "Status", "Back at"];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = $"{ContentType}; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";

        await using var csv = CsvWriter.Create(response.Body, Options, true);
        csv.WriteHeader(Header);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.DisplayName);
            csv.WriteField(row.GivenName);
            csv.WriteField(row.FamilyName);
            csv.WriteField(row.Title);
            csv.WriteField(row.Department);
            csv.WriteField(row.Email);
            csv.WriteField(row.Location);
            csv.WriteField(row.Status.ToString());
            csv.WriteField(Utc(row.Until));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string? Utc(DateTimeOffset? moment) =>
        moment?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
