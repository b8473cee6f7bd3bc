export { Badge } from './badge.js';
export { Button, type ButtonProps } from './button.js';
export { Card, CardContent, CardHeader, CardTitle } from './card.js';
export { cn } from './cn.js';
export { Input, Label, Select } from './input.js';
export { Alert, EmptyState, Loading } from './states.js';
export { Table, Td, Th } from './table.js';
