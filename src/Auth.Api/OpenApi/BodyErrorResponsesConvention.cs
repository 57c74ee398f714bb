using Auth.Api.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Auth.Api.OpenApi;

/// <summary>
/// Every action that reads a JSON body can answer 413 (over 32 KiB) and 415 (not JSON); declares both once here
/// rather than on each action, so the OpenAPI document cannot forget one.
/// </summary>
internal sealed class BodyErrorResponsesConvention : IActionModelConvention
{
    private static readonly int[] Statuses = [StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType];

    public void Apply(ActionModel action)
    {
        var readsBody = action.Attributes.OfType<ConsumesAttribute>().Any()
            || action.Parameters.Any(p => p.BindingInfo?.BindingSource == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);
        if (!readsBody)
        {
            return;
        }

        var declared = action.Filters.OfType<IApiResponseMetadataProvider>().Concat(action.Attributes.OfType<IApiResponseMetadataProvider>()).Select(p => p.StatusCode).ToHashSet();
        foreach (var status in Statuses.Where(s => !declared.Contains(s)))
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), status, ErrorResults.ProblemJson));
        }
    }
}
