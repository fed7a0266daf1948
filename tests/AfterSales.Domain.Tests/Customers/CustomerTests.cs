using AfterSales.Domain.Customers;

namespace AfterSales.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static CustomerDetails Person(params CustomerPhone[] phones) =>
        new(CustomerKind.Person, " 张伟 ", null, phones, " 北京市朝阳区建国路88号 ", null, null, true, "  ");

    private static CustomerPhone Mobile(string number, bool primary = false) => new(number, PhoneLabel.Mobile, primary);

    [Fact]
    public void The_first_phone_becomes_primary_when_none_is_marked()
    {
        var customer = Customer.Register(Guid.NewGuid(), Person(Mobile("13800138000"), Mobile("13900139000")), Now);

        Assert.Equal("13800138000", customer.PrimaryPhone);
        Assert.Equal([true, false], customer.Phones.Select(p => p.IsPrimary));
    }

    [Fact]
    public void A_phone_marked_primary_stays_primary()
    {
        var customer = Customer.Register(Guid.NewGuid(), Person(Mobile("13800138000"), Mobile("13900139000", primary: true)), Now);

        Assert.Equal("13900139000", customer.PrimaryPhone);
        Assert.Equal([false, true], customer.Phones.Select(p => p.IsPrimary));
    }

    [Fact]
    public void Only_one_phone_stays_primary_when_several_are_marked()
    {
        var customer = Customer.Register(Guid.NewGuid(), Person(Mobile("13800138000", primary: true), Mobile("13900139000", primary: true)), Now);

        Assert.Equal("13800138000", customer.PrimaryPhone);
        Assert.Single(customer.Phones, p => p.IsPrimary);
    }

    [Fact]
    public void The_same_number_written_differently_is_kept_once()
    {
        var customer = Customer.Register(Guid.NewGuid(), Person(Mobile("138 0013 8000"), Mobile("+86 13800138000"), Mobile("138-0013-8000")), Now);

        Assert.Equal(["13800138000"], customer.Phones.Select(p => p.Number));
        Assert.True(customer.Phones[0].IsPrimary);
    }

    [Fact]
    public void A_customer_without_phones_has_no_primary_phone() =>
        Assert.Null(Customer.Register(Guid.NewGuid(), Person(), Now).PrimaryPhone);

    [Fact]
    public void Names_and_texts_are_trimmed_and_blank_ones_dropped()
    {
        var customer = Customer.Register(Guid.NewGuid(), Person(Mobile("13800138000")), Now);

        Assert.Equal("张伟", customer.Name);
        Assert.Equal("北京市朝阳区建国路88号", customer.Address);
        Assert.Null(customer.Notes);
        Assert.Null(customer.ContactPerson);
    }

    [Fact]
    public void An_update_replaces_the_phones_and_moving_changes_the_store()
    {
        var store = Guid.NewGuid();
        var customer = Customer.Register(store, Person(Mobile("13800138000"), Mobile("13900139000")), Now);

        customer.Update(Person(Mobile("010-65001234")));
        var other = Guid.NewGuid();
        customer.MoveTo(other);

        Assert.Equal(["01065001234"], customer.Phones.Select(p => p.Number));
        Assert.Equal("01065001234", customer.PrimaryPhone);
        Assert.Equal(other, customer.StoreId);
        Assert.Equal(Now, customer.CreatedAt);
    }
}
