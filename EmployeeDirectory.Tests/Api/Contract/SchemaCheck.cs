using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI 3.1 document (JSON Schema 2020-12), resolving the document's
/// local <c>$ref</c>s. It knows the keywords the directory's document uses and refuses any other: a keyword it
/// silently skipped would let a contradiction through, so an unknown one is reported as a problem of its own.
/// Annotations (descriptions, examples, defaults) are ignored, as JSON Schema says.
/// </summary>
internal sealed class SchemaCheck(JsonElement document)
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment", "externalDocs",
    };

    private static readonly Regex DateTime = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with the JSON path it happens at; empty when it fits.</summary>
    public IReadOnlyList<string> Check(JsonElement schema, JsonElement value, string path = "$")
    {
        var problems = new List<string>();
        Check(schema, value, path, problems, depth: 0);
        return problems;
    }

    /// <summary><paramref name="schema"/>, or the schema its <c>$ref</c> names (followed to the end).</summary>
    public JsonElement Resolved(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = Resolve(reference.GetString()!);
        }

        return schema;
    }

    /// <summary>The schema a <c>$ref</c> such as <c>#/components/schemas/ProblemDetails</c> names.</summary>
    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported, not {reference}.");
        }

        var target = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!target.TryGetProperty(name, out target))
            {
                throw new KeyNotFoundException($"The document has nothing at {reference}.");
            }
        }

        return target;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> problems, int depth)
    {
        if (depth > 64)
        {
            problems.Add($"{path}: the schema nests deeper than 64 levels (a reference cycle?)");
            return;
        }

        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            problems.Add($"{path}: no value is allowed here");
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var name = keyword.Name;
            var rule = keyword.Value;
            if (Annotations.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            switch (name)
            {
                case "$ref":
                    Check(Resolve(rule.GetString()!), value, path, problems, depth + 1);
                    break;
                case "type":
                    CheckType(rule, value, path, problems);
                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(allowed => JsonElement.DeepEquals(allowed, value)))
                    {
                        problems.Add($"{path}: {value.GetRawText()} is not one of {rule.GetRawText()}");
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(rule, value))
                    {
                        problems.Add($"{path}: {value.GetRawText()} is not {rule.GetRawText()}");
                    }

                    break;
                case "format":
                    CheckFormat(rule.GetString()!, value, path, problems);
                    break;
                case "properties" or "required" or "additionalProperties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        CheckObjectKeyword(name, rule, schema, value, path, problems, depth);
                    }

                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var item in value.EnumerateArray())
                        {
                            Check(rule, item, $"{path}[{index++}]", problems, depth + 1);
                        }
                    }

                    break;
                case "minItems" or "maxItems":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var count = value.GetArrayLength();
                        if (name == "minItems" ? count < rule.GetInt32() : count > rule.GetInt32())
                        {
                            problems.Add($"{path}: {count} items, {name} is {rule.GetInt32()}");
                        }
                    }

                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                    CheckBound(name, rule, value, path, problems);
                    break;
                case "minLength" or "maxLength":
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        // JSON Schema counts characters as code points, not UTF-16 units.
                        var length = value.GetString()!.EnumerateRunes().Count();
                        if (name == "minLength" ? length < rule.GetInt32() : length > rule.GetInt32())
                        {
                            problems.Add($"{path}: {length} characters, {name} is {rule.GetInt32()}");
                        }
                    }

                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, rule.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                    {
                        problems.Add($"{path}: {value.GetRawText()} does not match /{rule.GetString()}/");
                    }

                    break;
                case "allOf":
                    foreach (var part in rule.EnumerateArray())
                    {
                        Check(part, value, path, problems, depth + 1);
                    }

                    break;
                case "anyOf" or "oneOf":
                    var fitting = rule.EnumerateArray().Count(part => Check(part, value, path).Count == 0);
                    if (name == "anyOf" ? fitting == 0 : fitting != 1)
                    {
                        problems.Add($"{path}: {value.GetRawText()} fits {fitting} of the {name} schemas");
                    }

                    break;
                case "not":
                    if (Check(rule, value, path).Count == 0)
                    {
                        problems.Add($"{path}: {value.GetRawText()} fits a schema it must not");
                    }

                    break;
                default:
                    problems.Add($"{path}: the schema uses \"{name}\", which this check does not know; teach it the keyword rather than skip it");
                    break;
            }
        }
    }

    private void CheckObjectKeyword(string name, JsonElement rule, JsonElement schema, JsonElement value, string path, List<string> problems, int depth)
    {
        switch (name)
        {
            case "required":
                foreach (var required in rule.EnumerateArray())
                {
                    if (!value.TryGetProperty(required.GetString()!, out _))
                    {
                        problems.Add($"{path}: the required property \"{required.GetString()}\" is missing");
                    }
                }

                break;
            case "properties":
                foreach (var property in value.EnumerateObject())
                {
                    if (rule.TryGetProperty(property.Name, out var propertySchema))
                    {
                        Check(propertySchema, property.Value, $"{path}.{property.Name}", problems, depth + 1);
                    }
                }

                break;
            case "additionalProperties":
                var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
                foreach (var property in value.EnumerateObject())
                {
                    if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(property.Name, out _))
                    {
                        Check(rule, property.Value, $"{path}.{property.Name}", problems, depth + 1);
                    }
                }

                break;
        }
    }

    private static void CheckType(JsonElement rule, JsonElement value, string path, List<string> problems)
    {
        var allowed = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
        if (!allowed.Any(type => IsOfType(type, value)))
        {
            problems.Add($"{path}: {value.GetRawText()} is not {string.Join(" or ", allowed)}");
        }
    }

    private static bool IsOfType(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && decimal.Truncate(number) == number,
        _ => throw new NotSupportedException($"Unknown JSON Schema type \"{type}\"."),
    };

    private static void CheckBound(string name, JsonElement rule, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var number = value.GetDecimal();
        var bound = rule.GetDecimal();
        var fits = name switch
        {
            "minimum" => number >= bound,
            "maximum" => number <= bound,
            "exclusiveMinimum" => number > bound,
            _ => number < bound,
        };
        if (!fits)
        {
            problems.Add($"{path}: {value.GetRawText()} breaks {name} {rule.GetRawText()}");
        }
    }

    private static void CheckFormat(string format, JsonElement value, string path, List<string> problems)
    {
        bool? fits = format switch
        {
            "int32" => value.ValueKind != JsonValueKind.Number || value.TryGetInt32(out _),
            "int64" => value.ValueKind != JsonValueKind.Number || value.TryGetInt64(out _),
            "double" or "float" => true,
            "date-time" => value.ValueKind != JsonValueKind.String
                || (DateTime.IsMatch(value.GetString()!) && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
            "uuid" => value.ValueKind != JsonValueKind.String || Guid.TryParseExact(value.GetString(), "D", out _),
            "email" => value.ValueKind != JsonValueKind.String || (MailAddress.TryCreate(value.GetString(), out var address) && address.Address == value.GetString()),
            _ => null,
        };
        if (fits is null)
        {
            problems.Add($"{path}: the schema uses format \"{format}\", which this check does not know; teach it the format rather than skip it");
        }
        else if (fits == false)
        {
            problems.Add($"{path}: {value.GetRawText()} is not a valid {format}");
        }
    }
}
