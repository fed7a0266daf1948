using AfterSales.Domain.Common;

namespace AfterSales.Domain.Tests.Common;

public sealed class VinTests
{
    [Theory]
    [InlineData("1M8GDM9AXKP042788")]
    [InlineData("11111111111111111")]
    [InlineData("1HGCM82633A004352")]
    public void A_real_vin_with_its_check_digit_is_valid(string vin) => Assert.True(Vin.IsValid(vin));

    [Theory]
    [InlineData("1M8GDM9A1KP042788")]
    [InlineData("11111111211111111")]
    [InlineData("1HGCM82643A004352")]
    public void A_vin_with_the_wrong_check_digit_is_invalid(string vin) => Assert.False(Vin.IsValid(vin));

    [Theory]
    [InlineData("1M8GDM9AXKP04278I")]
    [InlineData("1M8GDM9AXKP04278O")]
    [InlineData("1M8GDM9AXKP04278Q")]
    [InlineData("IIIIIIIIIIIIIIIII")]
    public void The_letters_I_O_and_Q_make_a_vin_invalid(string vin) => Assert.False(Vin.IsValid(vin));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1M8GDM9AXKP04278")]
    [InlineData("1M8GDM9AXKP0427888")]
    public void A_vin_must_have_seventeen_characters(string? vin) => Assert.False(Vin.IsValid(vin));

    [Theory]
    [InlineData("1m8gdm9axkp042788")]
    [InlineData(" 1M8 GDM9AX KP042788 ")]
    public void Lower_case_and_spaces_are_normalized_before_checking(string vin)
    {
        Assert.True(Vin.IsValid(vin));
        Assert.Equal("1M8GDM9AXKP042788", Vin.Normalize(vin));
    }

    [Fact]
    public void Punctuation_inside_a_vin_is_not_accepted() => Assert.False(Vin.IsValid("1M8GDM9AX-KP04278"));

    [Theory]
    [InlineData("1M8GDM9A0KP042788", 'X')]
    [InlineData("11111111011111111", '1')]
    public void The_check_digit_is_computed_from_the_other_sixteen_characters(string vin, char expected) =>
        Assert.Equal(expected, Vin.CheckDigit(vin));
}
