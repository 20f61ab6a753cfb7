using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Tests.Api.Client;

/// <summary>
/// Reads and writes the generated client's enums by the values the document lists (NSwag marks each member with
/// <see cref="EnumMemberAttribute"/>: <c>directory:read</c> for <c>ApiKeyScope.DirectoryRead</c>). NSwag's
/// System.Text.Json client gives single enum properties a name-based converter, which is right only where name and
/// value agree, and gives the items of an enum list none at all (its generated code says so), so they would be sent
/// as numbers; this converter, in the client's settings, covers the lists.
/// </summary>
internal sealed class EnumMemberConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnumMemberAttribute)));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, string> Values = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            foreach (var (value, name) in Values)
            {
                if (string.Equals(name, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            throw new JsonException($"{reader.TokenType} {text} is none of {typeof(TEnum).Name}'s values ({string.Join(", ", Values.Values)}).");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(Values[value]);
        }
    }
}
