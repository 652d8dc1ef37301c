//! `milepost currency`: the workspace's currency, which every amount of money in it is in
//! (ARR, what a unit of a value metric is worth, the value left on the table).

use std::path::Path;

use milepost::format::Currency;

use super::{open, out};

#[derive(Debug, clap::Args)]
pub struct CurrencyArgs {
    /// Set it to this ISO 4217 code (USD, EUR, GBP, …) [default: print the one in force —
    /// the one set, else that of this computer's locale]
    code: Option<String>,
}

pub fn exec(db: Option<&Path>, args: CurrencyArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    if let Some(code) = args.code {
        let currency = Currency::parse(&code).ok_or_else(|| {
            anyhow::anyhow!(
                "\"{code}\" is not a currency code: use three letters, such as USD, EUR or GBP"
            )
        })?;
        store.set_currency(&currency)?;
        eprintln!(
            "The workspace's currency is now {currency}; amounts already stored are taken as {currency} (nothing is converted)."
        );
    }
    out(store.currency()?.code().to_owned())
}
