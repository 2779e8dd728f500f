using Microsoft.Playwright;

namespace Flux.AspNetCore.Tests.Browser;

/// <summary>Debian's chromium, driven by Playwright: headless, no sandbox (CI runs as root in a container).</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"The dashboard's browser tests need Debian's chromium at {ExecutablePath}, which is missing: run scripts/install-chromium.sh (as root), then run the tests again.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
