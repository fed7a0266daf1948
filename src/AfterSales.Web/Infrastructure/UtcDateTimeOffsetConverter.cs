using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Web.Infrastructure;

/// <summary>
/// Every date-time the API reads is normalised to UTC once, here at the edge: the PostgreSQL driver refuses a timestamptz
/// with a non-zero offset (a 500) and SQLite would keep the local wall time, so "…T10:00:00+08:00" arrives as
/// "…T02:00:00+00:00" on both. Answers are written in UTC as well. Nullable values use this converter too.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime());
}
