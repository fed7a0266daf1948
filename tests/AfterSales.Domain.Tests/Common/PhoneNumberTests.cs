using AfterSales.Domain.Common;

namespace AfterSales.Domain.Tests.Common;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("15912345678")]
    [InlineData("19912345678")]
    [InlineData("138 0013 8000")]
    [InlineData("138-0013-8000")]
    public void Mainland_mobile_numbers_are_valid(string phone)
    {
        Assert.True(PhoneNumber.IsValid(phone));
        Assert.True(PhoneNumber.IsMobile(PhoneNumber.Normalize(phone)));
    }

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    public void A_mobile_must_have_eleven_digits_and_a_real_network_prefix(string phone) => Assert.False(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("010-65001234", "01065001234")]
    [InlineData("(021) 5000 1234", "02150001234")]
    [InlineData("0755-12345678", "075512345678")]
    [InlineData("0571-8765432", "05718765432")]
    public void Landlines_are_valid_with_their_area_code_kept(string phone, string stored)
    {
        Assert.True(PhoneNumber.IsValid(phone));
        Assert.Equal(stored, PhoneNumber.Normalize(phone));
        Assert.False(PhoneNumber.IsMobile(stored));
    }

    [Theory]
    [InlineData("65001234")]
    [InlineData("1065001234")]
    public void A_landline_without_its_area_code_is_invalid(string phone) => Assert.False(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+8613800138000")]
    [InlineData("0086 13800138000")]
    [InlineData("008613800138000")]
    [InlineData("86 13800138000")]
    public void The_country_code_is_dropped_from_mobiles(string phone)
    {
        Assert.True(PhoneNumber.IsValid(phone));
        Assert.Equal("13800138000", PhoneNumber.Normalize(phone));
    }

    [Theory]
    [InlineData("+86 10 6500 1234", "01065001234")]
    [InlineData("0086 21 50001234", "02150001234")]
    [InlineData("+86 755 1234 5678", "075512345678")]
    [InlineData("+86 (0)10 6500 1234", "01065001234")]
    public void A_landline_in_international_form_gets_its_trunk_zero_back(string phone, string stored)
    {
        Assert.True(PhoneNumber.IsValid(phone));
        Assert.Equal(stored, PhoneNumber.Normalize(phone));
    }

    [Theory]
    [InlineData("138OO138000")]
    [InlineData("138 0013 800a")]
    [InlineData("tel:13800138000")]
    [InlineData("１３８００１３８０００")]
    public void Letters_and_other_characters_are_refused(string phone) => Assert.False(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_number_is_invalid(string? phone) => Assert.False(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("13800138000", "8000")]
    [InlineData("01065001234", "1234")]
    [InlineData("1234", "1234")]
    [InlineData("123", "123")]
    public void Last_four_is_what_a_customer_gives_at_the_counter(string digits, string lastFour) =>
        Assert.Equal(lastFour, PhoneNumber.LastFour(digits));
}
