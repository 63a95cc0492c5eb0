//! A fixed-size bit set: the facet indexes of the in-memory snapshots
//! (KI-Netzwerk directory, Förderlotse search; ADR 0007) keep one per facet
//! value and answer filters and counts with word-wise AND and popcount.

/// A fixed-size set of positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub fn zeros(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn ones(len: usize) -> Bits {
        let mut bits = Bits {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        let rest = len % 64;
        if rest != 0
            && let Some(last) = bits.words.last_mut()
        {
            *last = (1u64 << rest) - 1;
        }
        bits
    }

    pub fn set(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= *b;
        }
    }

    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= *b;
        }
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Population of `self ∧ other` without building it.
    pub fn count_and(&self, other: &Bits) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Set positions in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

/// A verified actor's facet fields, as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    pub offers: Vec<String>,
    pub ags5: String,
    pub size_class: String,
    pub lat: f64,
    pub lon: f64,
    pub created_at: i64,
    pub founding_year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ones_zeros_and_counts_respect_the_length() {
        for len in [0, 1, 63, 64, 65, 130] {
            let ones = Bits::ones(len);
            assert_eq!(ones.count(), len);
            assert_eq!(
                ones.iter().collect::<Vec<_>>(),
                (0..len).collect::<Vec<_>>()
            );
            assert_eq!(Bits::zeros(len).count(), 0);
        }
        let mut a = Bits::zeros(130);
        a.set(3);
        a.set(64);
        a.set(129);
        a.set(500); // outside: ignored
        let mut b = Bits::zeros(130);
        b.set(64);
        b.set(100);
        assert_eq!(a.count_and(&b), 1);
        assert!(a.contains(129) && !a.contains(128) && !a.contains(500));
        let mut c = a.clone();
        c.and_with(&b);
        assert_eq!(c.iter().collect::<Vec<_>>(), [64]);
        a.or_with(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [3, 64, 100, 129]);
    }
}
