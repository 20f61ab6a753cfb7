using System.Text.Json;

namespace EmployeeDirectory.Tests.Api.Client;

/// <summary>The generated client's JSON settings, completed where NSwag's System.Text.Json output falls short (<see cref="EnumMemberConverterFactory"/>).</summary>
public partial class DirectoryApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new EnumMemberConverterFactory());
}
