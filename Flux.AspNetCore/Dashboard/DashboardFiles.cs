using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Flux.AspNetCore;

/// <summary>
/// Serves the dashboard from the files embedded in this assembly (<c>Dashboard/wwwroot</c>): the page at the group's
/// root, its scripts and styles under <c>dashboard/</c>. Nothing comes from a CDN, so the page works offline.
/// </summary>
internal static class DashboardFiles
{
    private const string ResourcePrefix = "Flux.Dashboard/";
    private const string BaseMarker = "{{base}}";

    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();
    private static readonly ConcurrentDictionary<string, EmbeddedFile?> s_files = new(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ServePage).ExcludeFromDescription();
        group.MapGet("/dashboard/{*path}", ServeFile).ExcludeFromDescription();
    }

    /// <summary>The page, with its base URL set to the group's path, so that it finds the API and its files wherever the group is mapped.</summary>
    private static IResult ServePage(HttpContext http)
    {
        var path = (http.Request.PathBase + http.Request.Path).Value ?? "/";
        var baseUrl = path.EndsWith('/') ? path : path + "/";
        var page = Load("index.html") ?? throw new InvalidOperationException("The dashboard page is missing from Flux.AspNetCore's resources.");
        var html = Encoding.UTF8.GetString(page.Content).Replace(BaseMarker, WebUtility.HtmlEncode(baseUrl), StringComparison.Ordinal);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }

    private static IResult ServeFile(string path, HttpContext http)
    {
        if (path == "index.html" || Load(path) is not { } file)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = file.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(file.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    private static EmbeddedFile? Load(string path) => s_files.GetOrAdd(path, static path =>
    {
        using var stream = typeof(DashboardFiles).Assembly.GetManifestResourceStream(ResourcePrefix + path);
        if (stream is null)
        {
            return null;
        }

        var content = new byte[stream.Length];
        stream.ReadExactly(content);
        var contentType = s_contentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        var etag = new EntityTagHeaderValue('"' + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8)) + '"').ToString();
        return new EmbeddedFile(content, contentType, etag);
    });

    private sealed record EmbeddedFile(byte[] Content, string ContentType, string ETag);
}
