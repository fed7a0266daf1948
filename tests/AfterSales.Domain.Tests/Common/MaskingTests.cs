using AfterSales.Domain.Common;

namespace AfterSales.Domain.Tests.Common;

public sealed class MaskingTests
{
    [Fact]
    public void A_mobile_shows_its_network_prefix_and_last_four_digits() => Assert.Equal("138****1234", Masking.MaskPhone("13812341234"));

    [Fact]
    public void A_landline_keeps_the_start_of_its_area_code_and_last_four_digits() =>
        Assert.Equal("010****1234", Masking.MaskPhone("01065001234"));

    [Theory]
    [InlineData("1234", "****")]
    [InlineData("12", "**")]
    [InlineData("123456", "**3456")]
    [InlineData("1234567", "***4567")]
    [InlineData("12345678", "123*5678")]
    public void Short_numbers_never_show_more_than_their_last_four_digits(string phone, string masked) =>
        Assert.Equal(masked, Masking.MaskPhone(phone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_phone_masks_to_an_empty_string(string? phone) => Assert.Equal(string.Empty, Masking.MaskPhone(phone));

    [Fact]
    public void An_address_keeps_its_province_and_city_only() =>
        Assert.Equal("北京市朝阳区****", Masking.MaskAddress("北京市朝阳区建国路88号"));

    [Theory]
    [InlineData("朝阳区", "***")]
    [InlineData("北京市朝阳区", "******")]
    public void A_short_address_is_hidden_completely(string address, string masked) => Assert.Equal(masked, Masking.MaskAddress(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_address_masks_to_an_empty_string(string? address) => Assert.Equal(string.Empty, Masking.MaskAddress(address));
}
