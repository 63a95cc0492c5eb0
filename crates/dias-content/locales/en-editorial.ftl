# editorial
