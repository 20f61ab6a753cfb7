using YamlDotNet.RepresentationModel;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>Reads YAML documents and walks them by key, failing with the path that was missing.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return [.. stream.Documents.Select(document => (YamlMappingNode)document.RootNode)];
    }

    public static IReadOnlyList<YamlMappingNode> DocumentsIn(string path) => Documents(File.ReadAllText(path));

    /// <summary>The node at <paramref name="path"/> (keys of nested mappings); fails the test when one is missing.</summary>
    public static YamlNode At(this YamlNode node, params string[] path) =>
        node.Find(path) ?? throw new Xunit.Sdk.XunitException($"No {string.Join('.', path)} in the YAML at line {node.Start.Line}.");

    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    public static string Text(this YamlNode node, params string[] path) => node.At(path).Text();

    public static IEnumerable<YamlNode> Items(this YamlNode node) => ((YamlSequenceNode)node).Children;

    public static IEnumerable<string> Keys(this YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(key => key.Text());

    /// <summary>The document of this kind (and name, when given) among several.</summary>
    public static YamlMappingNode Manifest(this IEnumerable<YamlMappingNode> documents, string kind, string? name = null) =>
        Assert.Single(documents, d => d.Text("kind") == kind && (name is null || d.Text("metadata", "name") == name));
}
