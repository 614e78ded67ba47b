namespace DistrictOps.Web.Platform.Uploads;

/// <summary>The file types DistrictOps accepts, recognised by their first bytes rather than their names.</summary>
public static class FileSignature
{
    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, 0x37 or 0x39, 0x61, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        _ => null,
    };

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>An upload that passed the checks: its clean name, the type its content shows, and the bytes.</summary>
public sealed record CheckedFile(string Name, string ContentType, byte[] Content);

/// <summary>The one set of upload rules: size, not empty, a picture or PDF by its content, a clean name that says its type.</summary>
public static class UploadCheck
{
    /// <summary>Reads <paramref name="content"/> up to <paramref name="maxBytes"/>; a refusal names <paramref name="field"/>.</summary>
    public static async Task<Result<CheckedFile>> CheckAsync(string? fileName, Stream content, long maxBytes, string field, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return Result.Invalid(field, $"The file is larger than {maxBytes / (1024 * 1024)} MB.");
            }
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return Result.Invalid(field, "The file is empty.");
        }

        var type = FileSignature.Detect(bytes);
        if (type is null)
        {
            return Result.Invalid(field, "Only pictures (PNG, JPEG, GIF, WebP) and PDF files can be attached; this file's content is neither.");
        }

        return new CheckedFile(SafeName(fileName, type), type, bytes);
    }

    private static string SafeName(string? fileName, string type) =>
        UploadNames.Clean(fileName, "attachment", type switch
        {
            "application/pdf" => [".pdf"],
            "image/png" => [".png"],
            "image/jpeg" => [".jpg", ".jpeg"],
            "image/gif" => [".gif"],
            _ => [".webp"],
        });
}
