using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Flux.AspNetCore.Tests.Support;

internal static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The response's JSON, after checking its status (the body is in the failure message otherwise).</summary>
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>A problem's errors for <paramref name="key"/>, after checking it is a 400 problem.</summary>
    public static async Task<string> ProblemAtAsync(this HttpResponseMessage response, string key)
    {
        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = problem.GetProperty("errors");
        Assert.That(errors.TryGetProperty(key, out var messages), Is.True, $"No error at '{key}': {problem}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(60));

    public static Task Guard(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(60));

    public static MediaTypeWithQualityHeaderValue EventStream { get; } = new("text/event-stream");
}
