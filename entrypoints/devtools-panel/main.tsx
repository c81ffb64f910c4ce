import { createRoot } from 'react-dom/client';

function App() {
  return <main data-testid="capture-status" data-total={0}>Why403</main>;
}

createRoot(document.getElementById('root')!).render(<App />);
