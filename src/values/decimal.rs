//! Exact decimals ([`Dec`]): the values of NUM, MONEY and PERCENT, kept
//! exact so that "2,25 tỷ" is `2250000000`, not a float's approximation.

/// The most digits a number may have: beyond this it is no quantity anyone
/// writes, and [`Dec`] stays far from overflow.
pub const MAX_DIGITS: usize = 24;

/// An exact decimal: `m / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dec {
    m: u128,
    scale: u32,
}

impl Dec {
    /// The decimal with integer digits `int` and fraction digits `frac`.
    pub fn from_digits(int: &str, frac: &str) -> Option<Dec> {
        if int.len() + frac.len() > MAX_DIGITS || int.is_empty() {
            return None;
        }
        let all = format!("{int}{frac}");
        Some(
            Dec {
                m: all.parse().ok()?,
                scale: frac.len() as u32,
            }
            .trimmed(),
        )
    }

    /// An integer.
    pub fn int(n: u64) -> Dec {
        Dec {
            m: n as u128,
            scale: 0,
        }
    }

    fn trimmed(mut self) -> Dec {
        while self.scale > 0 && self.m % 10 == 0 {
            self.m /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `self × 10^k`, `None` past the supported size.
    pub fn shifted(self, k: u32) -> Option<Dec> {
        let drop = k.min(self.scale);
        let up = 10u128.checked_pow(k - drop)?;
        Some(Dec {
            m: self.m.checked_mul(up)?,
            scale: self.scale - drop,
        })
    }

    /// Whether `self < 10^k` (false past the supported size).
    pub fn below_pow10(self, k: u32) -> bool {
        k.checked_add(self.scale)
            .and_then(|e| 10u128.checked_pow(e))
            .is_some_and(|lim| self.m < lim)
    }

    /// `self + o`, `None` past the supported size.
    pub fn plus(self, o: Dec) -> Option<Dec> {
        let scale = self.scale.max(o.scale);
        let a = self
            .m
            .checked_mul(10u128.checked_pow(scale - self.scale)?)?;
        let b = o.m.checked_mul(10u128.checked_pow(scale - o.scale)?)?;
        Some(
            Dec {
                m: a.checked_add(b)?,
                scale,
            }
            .trimmed(),
        )
    }
}

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = format!("{:0>width$}", self.m, width = self.scale as usize + 1);
        let (int, frac) = s.split_at(s.len() - self.scale as usize);
        if frac.is_empty() {
            f.write_str(int)
        } else {
            write!(f, "{int}.{frac}")
        }
    }
}
