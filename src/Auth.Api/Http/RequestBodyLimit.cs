using Auth.Api.Errors;
using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Auth.Api.Http;

/// <summary>
/// Refuses request bodies over 32 KiB (413): no request of this API needs more, and a smaller limit keeps a
/// flood of large bodies cheap. Kestrel enforces it while reading bodies of unknown length; a declared length
/// over the limit is refused before anything is read.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 32 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = MaxBytes;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            return ProblemWriter.WriteAsync(context, AuthErrors.PayloadTooLarge).AsTask();
        }

        return next(context);
    }
}
