using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// The requests the walk sends an operation, all made from the document alone: the documented example, then one
/// request per way to break a parameter or the body (a value out of range, a value outside an enum, text over its
/// maximum length, a malformed format, a wrong type, a required property left out, a body that is not JSON or not
/// JSON at all). An operation added to the document later is covered with no change here.
/// </summary>
internal static class RequestCases
{
    public const string NotInAnyEnum = "nulla anim et cupidatat";

    public static IEnumerable<RequestCase> For(ContractOperation operation, SchemaCheck schemas)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(schemas);
        var parameters = operation.Parameters;
        var values = parameters.ToDictionary(p => p.Name, p => ValidText(p, schemas), StringComparer.Ordinal);
        var body = operation.JsonBody is { } media ? ValidBody(media, schemas) : null;

        yield return Case(operation, "the documented example", values, body?.ToJsonString());
        if (parameters.Any(p => !p.Required))
        {
            var requiredOnly = parameters.Where(p => p.Required).ToDictionary(p => p.Name, p => values[p.Name], StringComparer.Ordinal);
            yield return Case(operation, "only the required parameters", requiredOnly, body?.ToJsonString());
        }

        foreach (var parameter in parameters)
        {
            foreach (var (rule, text) in BrokenValues(schemas.Resolved(parameter.Schema), schemas))
            {
                var broken = new Dictionary<string, string>(values, StringComparer.Ordinal) { [parameter.Name] = text };
                yield return Case(operation, $"{parameter.In} parameter {parameter.Name}: {rule}", broken, body?.ToJsonString());
            }
        }

        if (operation.JsonBody is not { } content || body is null)
        {
            yield break;
        }

        var schema = schemas.Resolved(content.GetProperty("schema"));
        foreach (var (rule, brokenBody) in BrokenBodies(schema, body, schemas))
        {
            yield return Case(operation, $"body: {rule}", values, brokenBody);
        }

        yield return Case(operation, "body: not JSON", values, "{\"status\": ");
        yield return Case(operation, "body: JSON null", values, "null");
        yield return Case(operation, "body: an array", values, "[]");
        yield return Case(operation, "body: empty", values, "");
        yield return Case(operation, "body: none at all", values, body: null);
        yield return Case(operation, "body: sent as text/plain", values, body.ToJsonString()) with { ContentType = "text/plain" };
    }

    private static RequestCase Case(ContractOperation operation, string name, Dictionary<string, string> values, string? body)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            if (!values.TryGetValue(parameter.Name, out var value))
            {
                continue;
            }

            if (parameter.In == "path")
            {
                path = path.Replace($"{{{parameter.Name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (parameter.In == "query")
            {
                query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
            }
        }

        var url = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        return new RequestCase(operation, name, url, body);
    }

    private static string ValidText(ContractParameter parameter, SchemaCheck schemas) =>
        TextOf(parameter.Example is { } example ? JsonNode.Parse(example.GetRawText())! : ValidValue(schemas.Resolved(parameter.Schema), schemas));

    private static JsonNode ValidBody(JsonElement media, SchemaCheck schemas) =>
        media.TryGetProperty("example", out var example)
            ? JsonNode.Parse(example.GetRawText())!
            : ValidValue(schemas.Resolved(media.GetProperty("schema")), schemas);

    /// <summary>A value that fits <paramref name="schema"/>, for a parameter or property without an example.</summary>
    private static JsonNode ValidValue(JsonElement schema, SchemaCheck schemas)
    {
        if (schema.TryGetProperty("example", out var example) || schema.TryGetProperty("default", out example))
        {
            return JsonNode.Parse(example.GetRawText())!;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonNode.Parse(values[0].GetRawText())!;
        }

        return TypesOf(schema).FirstOrDefault(type => type != "null") switch
        {
            "integer" or "number" => JsonValue.Create(schema.TryGetProperty("minimum", out var minimum) ? minimum.GetDecimal() : 1),
            "boolean" => JsonValue.Create(true),
            "array" => new JsonArray(),
            "object" => ValidObject(schema, schemas),
            _ => JsonValue.Create(FormatOf(schema) switch
            {
                "date-time" => DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
                "uuid" => Guid.NewGuid().ToString("D"),
                "email" => "someone@example.com",
                _ => "text",
            }),
        };
    }

    private static JsonObject ValidObject(JsonElement schema, SchemaCheck schemas)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("required", out var required) && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                result[name] = ValidValue(schemas.Resolved(properties.GetProperty(name)), schemas);
            }
        }

        return result;
    }

    /// <summary>Values that break <paramref name="schema"/>, each with the rule it breaks, as the text a URL carries.</summary>
    private static IEnumerable<(string Rule, string Text)> BrokenValues(JsonElement schema, SchemaCheck schemas) =>
        BrokenNodes(schema, schemas).Select(broken => (broken.Rule, TextOf(broken.Value)));

    /// <summary>
    /// Values that break <paramref name="schema"/>: out of range, outside the enum, too long, malformed, of the wrong
    /// type; for a list, too few items, and one item broken each of those ways.
    /// </summary>
    private static IEnumerable<(string Rule, JsonNode? Value)> BrokenNodes(JsonElement schema, SchemaCheck schemas)
    {
        var types = TypesOf(schema);
        if (types.Contains("array"))
        {
            if (schema.TryGetProperty("minItems", out var minItems) && minItems.GetInt32() > 0)
            {
                yield return ("with fewer items than its minimum", new JsonArray());
            }

            if (schema.TryGetProperty("items", out var items))
            {
                foreach (var (rule, item) in BrokenNodes(schemas.Resolved(items), schemas))
                {
                    yield return ($"with an item {rule}", new JsonArray(item));
                }
            }
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            if (schema.TryGetProperty("minimum", out var minimum))
            {
                yield return ("below its minimum", JsonValue.Create(minimum.GetDecimal() - 1));
            }

            if (schema.TryGetProperty("maximum", out var maximum))
            {
                yield return ("above its maximum", JsonValue.Create(maximum.GetDecimal() + 1));
            }

            yield return ("-56414651", JsonValue.Create(-56414651));
            yield return ("past a 64-bit integer", JsonNode.Parse("99999999999999999999"));
            yield return ("not a whole number", JsonValue.Create(1.5m));
        }

        if (schema.TryGetProperty("enum", out _))
        {
            yield return ("outside its enum", JsonValue.Create(NotInAnyEnum));
        }

        if (types.Contains("string"))
        {
            if (schema.TryGetProperty("maxLength", out var maxLength))
            {
                yield return ("one character over its maximum length", JsonValue.Create(new string('x', maxLength.GetInt32() + 1)));
            }

            if (schema.TryGetProperty("minLength", out var minLength) && minLength.GetInt32() > 0)
            {
                yield return ("shorter than its minimum length", JsonValue.Create(new string('x', minLength.GetInt32() - 1)));
            }

            switch (FormatOf(schema))
            {
                case "date-time":
                    yield return ("not a date-time", JsonValue.Create("yesterday at noon"));
                    yield return ("a date-time without an offset", JsonValue.Create("2026-12-01T15:00:00"));
                    break;
                case "uuid":
                    yield return ("not a uuid", JsonValue.Create("not-a-uuid"));
                    break;
                case "email":
                    yield return ("not an email", JsonValue.Create("not an email"));
                    break;
            }
        }

        if (types.Count > 0 && !types.Contains("string"))
        {
            yield return ("text instead of " + string.Join(" or ", types), JsonValue.Create("abc"));
        }
        else if (types.Contains("string"))
        {
            yield return ("a number instead of text", JsonValue.Create(12345));
        }

        if (types.Count > 0 && !types.Contains("null"))
        {
            yield return ("null", null);
        }
    }

    /// <summary>Bodies that break <paramref name="schema"/> one rule at a time, starting from a valid <paramref name="body"/>.</summary>
    private static IEnumerable<(string Rule, string Body)> BrokenBodies(JsonElement schema, JsonNode body, SchemaCheck schemas)
    {
        if (body is not JsonObject valid || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                var missing = (JsonObject)valid.DeepClone();
                missing.Remove(name);
                yield return ($"the required property {name} left out", missing.ToJsonString());
            }
        }

        foreach (var property in properties.EnumerateObject())
        {
            foreach (var (rule, value) in BrokenNodes(schemas.Resolved(property.Value), schemas))
            {
                var broken = (JsonObject)valid.DeepClone();
                broken[property.Name] = value;
                yield return ($"{property.Name} {rule}", broken.ToJsonString());
            }
        }

        var extra = (JsonObject)valid.DeepClone();
        extra["notInTheDocument"] = "ignored or refused";
        yield return ("a property the document does not name", extra.ToJsonString());
    }

    private static List<string> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];

    private static string? FormatOf(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    private static string TextOf(JsonNode? value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";
}
