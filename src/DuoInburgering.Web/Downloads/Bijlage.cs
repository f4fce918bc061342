using Microsoft.Net.Http.Headers;

namespace DuoInburgering.Web.Downloads;

/// <summary>The headers of every download: a file to save under its name, never kept by a cache (it holds personal data).</summary>
public static class Bijlage
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Zet(HttpResponse response, string naam, string contentType = Csv)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = contentType;
        response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileNameStar = naam, FileName = naam }.ToString();
        response.Headers[HeaderNames.CacheControl] = "no-store";
    }
}
