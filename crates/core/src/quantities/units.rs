//! Units of measure and currencies, with the category each implies.

use crate::model::QuantityCategory as Category;

/// A unit: its normalised symbol, category, and how it reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Unit {
    /// Normalised symbol (`km`, `USD`, `%`).
    pub symbol: &'static str,
    /// What a figure in this unit measures.
    pub category: Category,
    /// How many tokens the unit word(s) take.
    pub len: usize,
    /// Factor from the printed value to the unit's (cents are hundredths of a dollar).
    pub factor: f64,
}

const fn u(symbol: &'static str, category: Category, len: usize) -> Unit {
    Unit {
        symbol,
        category,
        len,
        factor: 1.0,
    }
}

const fn scaled(symbol: &'static str, category: Category, len: usize, factor: f64) -> Unit {
    Unit {
        symbol,
        category,
        len,
        factor,
    }
}

/// A currency symbol, before or after a number (`$`, `£`, `€`, `元`).
pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₴' => "UAH",
        '₩' => "KRW",
        '₺' => "TRY",
        '₦' => "NGN",
        '₿' => "BTC",
        '元' => "CNY",
        '₡' => "CRC",
        '₾' => "GEL",
        '₭' => "LAK",
        _ => return None,
    })
}

/// A prefix before `$` (`US$`, `C$`, `HK$`, `MXN$`), lower case.
pub(super) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "usd" => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aus" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sgd" => "SGD",
        "r" => "BRL",
        "nt" => "TWD",
        "mx" | "mex" | "mxn" => "MXN",
        _ => return None,
    })
}

/// An ISO currency code (lower-case key), and its factor: `musd` is millions of dollars.
pub(super) fn currency_code(key: &str) -> Option<(&'static str, f64)> {
    let (code, factor) = match key.strip_prefix('m').filter(|c| c.len() == 3) {
        Some(rest) if code_of(rest).is_some() => (rest, 1e6),
        _ => (key, 1.0),
    };
    code_of(code).map(|c| (c, factor))
}

fn code_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "inr" => "INR",
        "rub" => "RUB",
        "uah" => "UAH",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "hkd" => "HKD",
        "nzd" => "NZD",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "pln" => "PLN",
        "brl" => "BRL",
        "zar" => "ZAR",
        "mxn" => "MXN",
        "krw" => "KRW",
        "ngn" => "NGN",
        "kes" => "KES",
        "egp" => "EGP",
        "sar" => "SAR",
        "aed" => "AED",
        "ils" => "ILS",
        "btc" => "BTC",
        _ => return None,
    })
}

/// A unit read from the lower-case words after a number (`w[0]` first). `glued` says
/// `w[0]` touches the number (`60km`).
pub(super) fn unit_after(w: [&str; 4], glued: bool) -> Option<Unit> {
    use Category::{Distance, Duration, Money, Other, Percentage};
    let [w0, w1, w2, w3] = w;
    // currency names of more than one word
    let money2 = match (w0, w1) {
        ("us" | "u.s.", "dollars" | "dollar") => Some("USD"),
        ("australian", "dollars" | "dollar") => Some("AUD"),
        ("canadian", "dollars" | "dollar") => Some("CAD"),
        ("singapore", "dollars" | "dollar") => Some("SGD"),
        ("taiwan", "dollars" | "dollar") => Some("TWD"),
        ("swiss", "francs" | "franc") => Some("CHF"),
        ("french", "francs" | "franc") => Some("FRF"),
        ("dutch", "guilders" | "guilder") => Some("NLG"),
        ("turkish", "lira" | "liras") => Some("TRY"),
        ("chinese", "yuan") => Some("CNY"),
        ("japanese", "yen") => Some("JPY"),
        ("mexican", "pesos" | "peso") => Some("MXN"),
        ("finnish", "markka" | "markkaa") => Some("FIM"),
        ("deutsche", "marks" | "mark") => Some("DEM"),
        ("south", "african") if w2 == "rand" => return Some(u("ZAR", Money, 3)),
        ("hong", "kong") if matches!(w2, "dollars" | "dollar") => return Some(u("HKD", Money, 3)),
        ("new", "zealand") if matches!(w2, "dollars" | "dollar") => {
            return Some(u("NZD", Money, 3));
        }
        _ => None,
    };
    if let Some(code) = money2 {
        return Some(u(code, Money, 2));
    }
    let two = |a: &str, b: &str| w0 == a && w1 == b;
    if two("per", "cent") || two("percentage", "point") || two("percentage", "points") {
        return Some(u(if w0 == "per" { "%" } else { "pp" }, Percentage, 2));
    }
    // speeds
    if matches!(w0, "miles" | "mile") && matches!(w1, "an" | "per" | "a") && w2 == "hour" {
        return Some(u("mph", Other, 3));
    }
    if matches!(
        w0,
        "kilometres" | "kilometers" | "kilometre" | "kilometer" | "km"
    ) && matches!(w1, "an" | "per" | "a")
        && w2 == "hour"
    {
        return Some(u("km/h", Other, 3));
    }
    if matches!(w0, "metres" | "meters" | "metre" | "meter") && w1 == "per" && w2 == "second" {
        return Some(u("m/s", Other, 3));
    }
    // areas and volumes
    if matches!(w0, "square" | "sq") {
        let area = match w1 {
            "kilometres" | "kilometers" | "kilometre" | "kilometer" | "km" => "km2",
            "miles" | "mile" | "mi" => "sq mi",
            "metres" | "meters" | "metre" | "meter" | "m" => "m2",
            "feet" | "foot" | "ft" => "sq ft",
            _ => return None,
        };
        return Some(u(area, Other, 2));
    }
    if w0 == "cubic" {
        let volume = match w1 {
            "feet" | "foot" | "ft" => "ft3",
            "metres" | "meters" | "metre" | "meter" | "m" => "m3",
            _ => return None,
        };
        return Some(u(volume, Other, 2));
    }
    if w0 == "metric" && matches!(w1, "tons" | "ton" | "tonnes" | "tonne") {
        return Some(u("t", Other, 2));
    }
    // temperatures: "20 degrees c", "40 deg celsius", "98.6 degrees fahrenheit"
    if matches!(w0, "degrees" | "degree" | "deg") {
        let (sym, len) = match w1 {
            "celsius" | "celcius" | "centigrade" | "centigrate" | "c" => ("°C", 2),
            "fahrenheit" | "farenheit" | "f" => ("°F", 2),
            _ => ("°", 1),
        };
        return Some(u(sym, Other, len));
    }
    // ages: "29 years old", "ten months old", "3 years of age"
    if let Some(age) = match w0 {
        "years" | "year" | "yrs" => Some("year"),
        "months" | "month" => Some("month"),
        "weeks" | "week" => Some("week"),
        "days" | "day" => Some("day"),
        _ => None,
    } {
        if w1 == "old" {
            return Some(u(age, Other, 2));
        }
        if w1 == "of" && w2 == "age" {
            return Some(u(age, Other, 3));
        }
    }
    let _ = w3;
    Some(match w0 {
        "%" | "percent" | "pct" | "percentage" | "percents" => u("%", Percentage, 1),
        "pc" if glued => u("%", Percentage, 1),
        // money
        "dollars" | "dollar" | "bucks" => u("USD", Money, 1),
        "euros" | "euro" => u("EUR", Money, 1),
        "sterling" => u("GBP", Money, 1),
        "pence" | "penny" | "pennies" => scaled("GBP", Money, 1, 0.01),
        "p" if glued => scaled("GBP", Money, 1, 0.01),
        "yen" => u("JPY", Money, 1),
        "yuan" | "renminbi" | "kuai" => u("CNY", Money, 1),
        "rupees" | "rupee" => u("INR", Money, 1),
        "rubles" | "roubles" | "ruble" | "rouble" => u("RUB", Money, 1),
        "hryvnias" | "hryvnia" | "hryvnas" => u("UAH", Money, 1),
        "francs" | "franc" => u("CHF", Money, 1),
        "pesos" | "peso" => u("MXN", Money, 1),
        "lira" | "liras" => u("TRY", Money, 1),
        "naira" => u("NGN", Money, 1),
        "guilders" | "guilder" => u("NLG", Money, 1),
        "pesetas" | "peseta" => u("ESP", Money, 1),
        "markka" | "markkaa" => u("FIM", Money, 1),
        "bitcoins" | "bitcoin" => u("BTC", Money, 1),
        "cents" | "cent" => scaled("USD", Money, 1, 0.01),
        // length
        "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => {
            u("km", Distance, 1)
        }
        "kmph" | "kph" | "kmh" => u("km/h", Other, 1),
        "m" | "metres" | "meters" | "metre" | "meter" => u("m", Distance, 1),
        "cm" | "centimetres" | "centimeters" | "centimetre" | "centimeter" => u("cm", Distance, 1),
        "dm" | "decimetres" | "decimeters" | "decimetre" | "decimeter" => u("dm", Distance, 1),
        "mm" | "millimetres" | "millimeters" | "millimetre" | "millimeter" => u("mm", Distance, 1),
        "miles" | "mile" | "mi" => u("mi", Distance, 1),
        "feet" | "foot" | "ft" => u("ft", Distance, 1),
        "inches" | "inch" => u("in", Distance, 1),
        "yards" | "yard" | "yd" | "yds" => u("yd", Distance, 1),
        "nautical" if w1 == "miles" || w1 == "mile" => u("nmi", Distance, 2),
        // mass
        "kg" | "kgs" | "kilograms" | "kilogram" | "kilos" | "kilo" => u("kg", Other, 1),
        "g" | "grams" | "gram" | "gramme" | "grammes" => u("g", Other, 1),
        "mg" | "milligrams" | "milligram" => u("mg", Other, 1),
        "µg" | "μg" | "mcg" | "micrograms" | "microgram" | "microgrammes" | "microgramme" => {
            u("µg", Other, 1)
        }
        "tonnes" | "tonne" | "tons" | "ton" => u("t", Other, 1),
        "t" if glued => u("t", Other, 1),
        "pounds" | "pound" | "lbs" | "lb" => u("lb", Other, 1),
        "ounces" | "ounce" | "oz" => u("oz", Other, 1),
        // area, volume
        "km2" | "km²" => u("km2", Other, 1),
        "hectares" | "hectare" | "ha" => u("ha", Other, 1),
        "acres" | "acre" => u("acre", Other, 1),
        "litres" | "liters" | "litre" | "liter" => u("l", Other, 1),
        "l" if glued => u("l", Other, 1),
        "ml" | "millilitres" | "milliliters" | "millilitre" | "milliliter" => u("ml", Other, 1),
        "gallons" | "gallon" => u("gal", Other, 1),
        "barrels" | "barrel" | "bbl" => u("bbl", Other, 1),
        "bpd" => u("bbl/d", Other, 1),
        "tablespoons" | "tablespoon" | "tbsp" => u("tbsp", Other, 1),
        "cups" | "cup" => u("cup", Other, 1),
        "rad" | "radians" | "radian" => u("rad", Other, 1),
        "bits" | "bit" => u("bit", Other, 1),
        "teaspoons" | "teaspoon" | "tsp" => u("tsp", Other, 1),
        // speed, energy, data
        "mph" => u("mph", Other, 1),
        "knots" => u("kn", Other, 1),
        "mw" | "megawatts" | "megawatt" => u("MW", Other, 1),
        "gw" | "gigawatts" | "gigawatt" => u("GW", Other, 1),
        "kw" | "kilowatts" | "kilowatt" => u("kW", Other, 1),
        "kwh" => u("kWh", Other, 1),
        "mwh" => u("MWh", Other, 1),
        "gwh" => u("GWh", Other, 1),
        "gb" | "gigabytes" => u("GB", Other, 1),
        "mb" | "megabytes" => u("MB", Other, 1),
        "tb" | "terabytes" => u("TB", Other, 1),
        // temperature words alone
        "celsius" | "celcius" | "centigrade" | "centigrate" => u("°C", Other, 1),
        "fahrenheit" | "farenheit" => u("°F", Other, 1),
        // time
        "seconds" | "second" | "secs" | "sec" => u("s", Duration, 1),
        "minutes" | "minute" | "mins" | "min" => u("min", Duration, 1),
        "hours" | "hour" | "hrs" | "hr" => u("h", Duration, 1),
        "days" | "day" => u("day", Duration, 1),
        "weeks" | "week" => u("week", Duration, 1),
        "months" | "month" => u("month", Duration, 1),
        "years" | "year" | "yrs" => u("year", Duration, 1),
        "yo" => u("year", Other, 1),
        "decades" | "decade" => u("decade", Duration, 1),
        "centuries" | "century" => u("century", Duration, 1),
        _ => return None,
    })
}
