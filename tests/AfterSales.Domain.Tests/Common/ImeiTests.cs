using AfterSales.Domain.Common;

namespace AfterSales.Domain.Tests.Common;

public sealed class ImeiTests
{
    [Theory]
    [InlineData("490154203237518")]
    [InlineData("356938035643809")]
    public void An_imei_with_a_correct_luhn_digit_is_valid(string imei) => Assert.True(Imei.IsValid(imei));

    [Theory]
    [InlineData("490154203237519")]
    [InlineData("490154203237528")]
    [InlineData("590154203237518")]
    public void Changing_one_digit_makes_an_imei_invalid(string imei) => Assert.False(Imei.IsValid(imei));

    [Theory]
    [InlineData("49015420323751A")]
    [InlineData("4901542O3237518")]
    [InlineData("49015420323751８")]
    public void An_imei_with_anything_but_digits_is_invalid(string imei) => Assert.False(Imei.IsValid(imei));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("49015420323751")]
    [InlineData("4901542032375180")]
    [InlineData("35693803564380912")]
    public void An_imei_must_have_fifteen_digits(string? imei) => Assert.False(Imei.IsValid(imei));

    [Fact]
    public void Spaces_and_dashes_as_printed_on_the_box_are_ignored()
    {
        Assert.True(Imei.IsValid("49-015420-323751-8"));
        Assert.True(Imei.IsValid("4901 5420 3237 518"));
        Assert.Equal("490154203237518", Imei.Normalize(" 49-015420-323751-8 "));
    }

    [Fact]
    public void The_luhn_check_digit_completes_the_payload() => Assert.Equal(8, Luhn.CheckDigit("49015420323751"));
}
