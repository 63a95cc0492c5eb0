# newsletter
