using System.Text.Json;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>The schema check knows each keyword the document uses, and refuses to pass what it does not know.</summary>
public sealed class SchemaCheckTests
{
    private const string Document = """
        {
          "components": {
            "schemas": {
              "Person": {
                "type": "object",
                "required": ["name", "id"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "integer", "format": "int32", "minimum": 1 },
                  "name": { "type": "string", "minLength": 1, "maxLength": 5 },
                  "email": { "type": ["null", "string"], "format": "email" },
                  "stamp": { "type": "string", "format": "uuid" },
                  "at": { "type": "string", "format": "date-time" },
                  "role": { "$ref": "#/components/schemas/Role" },
                  "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 2 }
                }
              },
              "Role": { "type": "string", "enum": ["Admin", "Employee"] }
            }
          }
        }
        """;

    public static TheoryData<string, string> Contradictions => new()
    {
        { """{"id":1}""", "\"name\" is missing" },
        { """{"id":0,"name":"Ada"}""", "$.id: 0 breaks minimum 1" },
        { """{"id":1.5,"name":"Ada"}""", "$.id: 1.5 is not integer" },
        { """{"id":3000000000,"name":"Ada"}""", "$.id: 3000000000 is not a valid int32" },
        { """{"id":1,"name":"Adelaide"}""", "$.name: 8 characters, maxLength is 5" },
        { """{"id":1,"name":""}""", "$.name: 0 characters, minLength is 1" },
        { """{"id":1,"name":7}""", "$.name: 7 is not string" },
        { """{"id":1,"name":"Ada","email":"ada at example"}""", "$.email: \"ada at example\" is not a valid email" },
        { """{"id":1,"name":"Ada","stamp":"not-a-uuid"}""", "$.stamp: \"not-a-uuid\" is not a valid uuid" },
        { """{"id":1,"name":"Ada","at":"2026-12-01 15:00"}""", "$.at: \"2026-12-01 15:00\" is not a valid date-time" },
        { """{"id":1,"name":"Ada","role":"Root"}""", "$.role: \"Root\" is not one of" },
        { """{"id":1,"name":"Ada","tags":["a",1]}""", "$.tags[1]: 1 is not string" },
        { """{"id":1,"name":"Ada","tags":["a","b","c"]}""", "$.tags: 3 items, maxItems is 2" },
        { """{"id":1,"name":"Ada","nickname":"A"}""", "$.nickname: no value is allowed here" },
        { """[]""", "$: [] is not object" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void AValueThatBreaksTheSchemaIsReportedWithWhereAndWhy(string value, string expected)
    {
        var problems = Check("#/components/schemas/Person", value);

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AValueThatFitsTheSchemaHasNoProblems()
    {
        var problems = Check(
            "#/components/schemas/Person",
            """{"id":1,"name":"Ada","email":null,"stamp":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","at":"2026-12-01T15:00:00+01:00","role":"Admin","tags":["x"]}""");

        Assert.Empty(problems);
    }

    [Fact]
    public void AKeywordTheCheckDoesNotKnowIsAProblemRatherThanSkipped()
    {
        using var schema = JsonDocument.Parse("""{"type":"string","contentEncoding":"base64"}""");

        var problems = new SchemaCheck(schema.RootElement).Check(schema.RootElement, JsonDocument.Parse("\"abc\"").RootElement);

        Assert.Contains(problems, problem => problem.Contains("\"contentEncoding\", which this check does not know", StringComparison.Ordinal));
    }

    [Fact]
    public void AFormatTheCheckDoesNotKnowIsAProblemRatherThanSkipped()
    {
        using var schema = JsonDocument.Parse("""{"type":"string","format":"hostname"}""");

        var problems = new SchemaCheck(schema.RootElement).Check(schema.RootElement, JsonDocument.Parse("\"example.com\"").RootElement);

        Assert.Contains(problems, problem => problem.Contains("format \"hostname\", which this check does not know", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Check(string reference, string value)
    {
        using var document = JsonDocument.Parse(Document);
        using var instance = JsonDocument.Parse(value);
        var check = new SchemaCheck(document.RootElement);
        return check.Check(check.Resolve(reference), instance.RootElement);
    }
}
