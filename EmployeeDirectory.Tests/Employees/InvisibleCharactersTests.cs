using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// The rule itself: control characters, bidi embeddings, overrides and isolates, and zero-width
/// characters are refused, named by code point; everything a person types in any script is accepted.
/// </summary>
public sealed class InvisibleCharactersTests
{
    public static TheoryData<string, string> Refused() => new()
    {
        { "\u0000", "U+0000" },        // NUL
        { "\t", "U+0009" },            // tab
        { "\n", "U+000A" },            // new line
        { "\u001B", "U+001B" },        // escape
        { "\u007F", "U+007F" },        // delete
        { "\u0085", "U+0085" },        // next line
        { "\u202E", "U+202E" },        // right-to-left override
        { "\u202A", "U+202A" },        // left-to-right embedding
        { "\u2066", "U+2066" },        // left-to-right isolate
        { "\u2069", "U+2069" },        // pop directional isolate
        { "\u200B", "U+200B" },        // zero-width space
        { "\u200C", "U+200C" },        // zero-width non-joiner
        { "\u200D", "U+200D" },        // zero-width joiner
        { "\u200F", "U+200F" },        // right-to-left mark
        { "\u2060", "U+2060" },        // word joiner
        { "\uFEFF", "U+FEFF" },        // byte order mark
        { "\u00AD", "U+00AD" },        // soft hyphen
        { "\u2028", "U+2028" },        // line separator
        { "\U000E0041", "U+E0041" },   // tag character
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void EachInvisibleCharacterIsNamedByItsCodePoint(string character, string codePoint) =>
        Assert.Equal(
            $"Title contains an invisible or control character ({codePoint}); remove it.",
            InvisibleCharacters.Describe($"Head of{character} Sales", "Title"));

    [Theory]
    [InlineData("José Núñez")]
    [InlineData("Zoë O'Brien-Smith")]
    [InlineData("محمد عبد الله")]
    [InlineData("שרה כהן")]
    [InlineData("李小龍")]
    [InlineData("Ольга Петрова")]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Team lead 🚀")]
    [InlineData("")]
    [InlineData(null)]
    public void WhatPeopleTypeInAnyScriptIsAccepted(string? value) =>
        Assert.Null(InvisibleCharacters.Describe(value, "Name"));

    [Fact]
    public void AnUnpairedSurrogateIsRefusedAsBroken() =>
        Assert.Contains("unpaired surrogate", InvisibleCharacters.Describe("Ann\uD800", "Given name"), StringComparison.Ordinal);
}
